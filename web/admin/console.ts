/**
 * The shape of a console module (`web/admin/pages/<module>/index.tsx`): its pages with their menu
 * entries, and its strings. web/admin/modules.tsx lists the modules, one line each; the menus, the
 * routes and the dictionaries (dictionary.ts) are assembled from that list.
 */
import type { ReactNode } from 'react';
import type { Capability } from '../shared/types';
import type { MessageKey } from './i18n';

export type Messages = Record<string, string>;

/** The menu's groups: daily work and registers, cases, points, then the five co-s' modules, then administration. */
export const MENU_GROUPS = [
  'work',
  'cases',
  'points',
  'cogovern',
  'serve',
  'beehive',
  'evaluate',
  'economy',
  // #16: 头雁领航, the organisation department's leadership records
  'leaders',
  'admin',
] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];

export interface ConsolePage {
  key: string;
  /** Path under /admin; '' is the overview. */
  path: string;
  /** Shown to holders of this capability (or of any of these); the server still decides every action. */
  capability: Capability | readonly Capability[];
  /** A route without a menu entry (e.g. a case's detail page). */
  hidden?: boolean;
  /** Its place in the menu (ConsoleLayout's MENU_GROUPS, in the order shown). */
  group: MenuGroup;
  icon: ReactNode;
  label: MessageKey;
  hint: MessageKey;
  element: ReactNode;
}

/**
 * A console module. Declare it with its strings' type (`ConsoleModule<typeof pointsZh>`): the
 * dictionary's keys, and so `MessageKey`, are computed from the declared types of the list.
 */
export interface ConsoleModule<Zh extends Messages = Record<never, string>> {
  name: string;
  pages: readonly ConsolePage[];
  /** Its strings, Chinese and English (every key of the Chinese in the English). */
  messages?: { zh: Zh; en: Record<keyof Zh, string> };
}
