/**
 * 适老化 elderly mode: larger text, larger tap targets, stronger contrast, a simpler home. The choice is
 * kept on the phone (localStorage), applied as a class on <html> before the first render (main.tsx), and
 * asked once on the first visit to the home page (unset until answered).
 */
import { useSyncExternalStore } from 'react';

const KEY = 'cc.elderly';
const listeners = new Set<() => void>();

function read(): boolean | null {
  try {
    const v = localStorage.getItem(KEY);
    return v === null ? null : v === '1';
  } catch {
    return null; // storage blocked: normal mode, and the question is asked each visit
  }
}

/** Puts the class on <html> for the stored choice (main.tsx, before rendering). */
export function applyElderlyMode(on: boolean | null = read()): void {
  document.documentElement.classList.toggle('cc-elderly', on === true);
}

export function setElderlyMode(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? '1' : '0');
  } catch {
    // not kept, but applied for this visit
  }
  applyElderlyMode(on);
  for (const l of listeners) l();
}

/** The choice: true, false, or null when never answered. */
export function useElderlyMode(): boolean | null {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, read);
}
