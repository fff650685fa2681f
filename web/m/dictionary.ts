/**
 * The resident app's dictionaries: the shell's strings (messages.ts) and each tab's (its
 * ResidentTab's `messages`), joined. main.tsx hands them to the I18nProvider; `MessageKey` (i18n.ts)
 * is computed from the declared types, so `t('…')` still checks every key.
 */
import { en as shellEn, zh as shellZh } from './messages';
import type { Messages, ResidentTab } from './tab';
import { RESIDENT_TABS } from './tabs';

type ZhOf<T> = T extends ResidentTab<infer Zh> ? Zh : never;
type Intersect<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

export type Dictionary = typeof shellZh & Intersect<ZhOf<(typeof RESIDENT_TABS)[number]>>;

/** Joins the shell's and the tabs' strings; a key declared twice is a mistake (one would hide the other). */
function join(lang: 'zh' | 'en', shell: Messages): Messages {
  const all: Messages = { ...shell };
  for (const tab of RESIDENT_TABS)
    for (const [key, text] of Object.entries<string>(tab.messages?.[lang] ?? {})) {
      if (key in all) throw new Error(`resident app message ${key} is declared twice (tab ${tab.path})`);
      all[key] = text;
    }
  return all;
}

export const zh = join('zh', shellZh) as Dictionary;
export const en = join('en', shellEn) as Record<keyof Dictionary, string>;
