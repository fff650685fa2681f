/**
 * The resident app's service worker (/m/sw.js, built by scripts/vite-resident-pwa.ts), registered
 * after the page has loaded so it never competes with the first screen on a slow network. A new
 * deploy's worker takes over at once; a page still running the old code keeps working, and when it
 * asks for a chunk the new deploy no longer has, it reloads once instead of failing (pageNeedsReload).
 */
let updated = false;

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const hadController = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (hadController) updated = true; // not the first install: a new version took over
  });
  const register = () => void navigator.serviceWorker.register('/m/sw.js', { scope: '/m/' }).catch(() => undefined);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

/** A new version took over while this page ran: a chunk that failed to load should come from a reload. */
export function pageNeedsReload(): boolean {
  return updated;
}
