/**
 * How dependency-cruiser reads TypeScript here. Its own TypeScript reader needs the compiler API,
 * which TypeScript 7 (the native tsc) does not have, and its swc reader cannot parse TSX; so every
 * .ts/.tsx file is compiled by Babel first and the JavaScript is read. Babel drops what tsx, esbuild
 * and Vite drop at run time: `import type`, `export type … from`, and imports used only as types.
 * The rules in .dependency-cruiser.cjs therefore see the runtime import graph. (@swc/core is a dev
 * dependency only because dependency-cruiser scans .ts/.tsx files when a TypeScript-capable parser is
 * installed; the reading itself is Babel's.)
 */
module.exports = {
  babelrc: false,
  configFile: false,
  presets: [
    ['@babel/preset-typescript', { onlyRemoveTypeImports: false }],
    ['@babel/preset-react', { runtime: 'automatic' }],
  ],
};
