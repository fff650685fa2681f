/** The outbox's drafts in IndexedDB (idb), photos kept as blobs: they survive closing the app and restarting the phone. */
import { type IDBPDatabase, openDB } from 'idb';
import type { Draft, DraftStore } from './queue';

const DB = 'cocreate-m-outbox';
const STORE = 'drafts';

let opened: Promise<IDBPDatabase> | null = null;
const db = () =>
  (opened ??= openDB(DB, 1, {
    upgrade(d) {
      d.createObjectStore(STORE, { keyPath: 'key' });
    },
  }));

export const idbStore: DraftStore = {
  all: async () => (await (await db()).getAll(STORE)) as Draft[],
  put: async (d) => {
    await (await db()).put(STORE, d);
  },
  remove: async (key) => {
    await (await db()).delete(STORE, key);
  },
};
