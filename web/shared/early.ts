/**
 * Answers asked before the app's code arrived: /m's route-preload.js (scripts/vite-route-preload.ts)
 * starts these GETs as the page opens on a deep link, and api.ts takes each once instead of asking
 * again (a slow round trip less on a weak network, issue #11).
 */
export const EARLY_KEY = '__ccEarly';
export const EARLY_PATHS = ['/api/site', '/api/me'] as const;

/** The early answer for `path`, once (later asks go to the server). */
export function takeEarly(path: string): Promise<Response> | null {
  const early = (globalThis as Record<string, unknown>)[EARLY_KEY] as Record<string, Promise<Response>> | undefined;
  const answer = early?.[path];
  if (!answer) return null;
  delete early[path];
  return answer;
}
