/**
 * The console's dictionaries: the shell's strings (messages.zh.ts, messages.en.ts) and each
 * module's (its ConsoleModule's `messages`), joined. main.tsx hands them to the I18nProvider;
 * `MessageKey` (i18n.ts) is computed from the declared types, so `t('…')` still checks every key.
 */
import type { ConsoleModule, Messages } from './console';
import { en as shellEn } from './messages.en';
import { zh as shellZh } from './messages.zh';
import { CONSOLE_MODULES } from './modules';

type ZhOf<M> = M extends ConsoleModule<infer Zh> ? Zh : never;
type Intersect<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

export type Dictionary = typeof shellZh & Intersect<ZhOf<(typeof CONSOLE_MODULES)[number]>>;

/** Joins the shell's and the modules' strings; a key declared twice is a mistake (one would hide the other). */
function join(lang: 'zh' | 'en', shell: Messages): Messages {
  const all: Messages = { ...shell };
  for (const m of CONSOLE_MODULES)
    for (const [key, text] of Object.entries<string>(m.messages?.[lang] ?? {})) {
      if (key in all) throw new Error(`console message ${key} is declared twice (module ${m.name})`);
      all[key] = text;
    }
  return all;
}

export const zh = join('zh', shellZh) as Dictionary;
export const en = join('en', shellEn) as Record<keyof Dictionary, string>;
