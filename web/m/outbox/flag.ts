/**
 * Whether the outbox holds unsent drafts, as a flag in localStorage: the app shell reads it at start
 * (and when the phone comes online) and loads the outbox (IndexedDB, idb) only then, so a resident
 * without drafts never downloads it.
 */
const FLAG = 'cc-m-outbox-pending';

export function markOutboxPending(pending: boolean): void {
  try {
    if (pending) localStorage.setItem(FLAG, '1');
    else localStorage.removeItem(FLAG);
  } catch {
    // private mode: the report page and 我的上报 still start the outbox
  }
}

export function hasPendingDrafts(): boolean {
  try {
    return localStorage.getItem(FLAG) === '1';
  } catch {
    return false;
  }
}
