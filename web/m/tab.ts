/**
 * The shape of a resident tab (`web/m/pages/<tab>/index.tsx`): its tab-bar entry, its routes and its
 * strings. web/m/tabs.ts lists the tabs, one line each; the tab bar, the routes and the dictionaries
 * (dictionary.ts) are assembled from that list.
 */
import type { ReactNode } from 'react';
import type { MessageKey } from './i18n';

export type Messages = Record<string, string>;

export interface ResidentTab<Zh extends Messages = Record<never, string>> {
  /** The tab's own path ('/' for home). */
  path: string;
  /** Other paths that belong to this tab (the tab stays lit on them). */
  alsoAt?: readonly string[];
  icon: ReactNode;
  title: MessageKey;
  testId: string;
  routes: readonly { path: string; element: ReactNode }[];
  /** Its strings, Chinese and English (every key of the Chinese in the English). */
  messages?: { zh: Zh; en: Record<keyof Zh, string> };
}
