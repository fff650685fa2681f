/** Types of build-server.mjs for the TypeScript callers (test/global-setup.ts). */
export function buildServer(): Promise<void>;
export function ensureServerBuilt(): Promise<string>;
