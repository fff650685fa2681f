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
  /**
   * false: a service, not a tab — left out of the tab bar (which keeps its four entries) and reached
   * from its card in the home page's 服务 grid (`homeCard`); its pages light the home tab.
   */
  tabBar?: boolean;
  /** Its card in the home page's 服务 grid: a title and a one-line hint. */
  homeCard?: { title: MessageKey; hint: MessageKey };
  /** Its strings, Chinese and English (every key of the Chinese in the English). */
  messages?: { zh: Zh; en: Record<keyof Zh, string> };
}
