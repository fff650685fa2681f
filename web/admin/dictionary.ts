/**
 * The console's dictionaries: the shell's strings (messages.zh.ts, messages.en.ts) and each
 * module's (its ConsoleModule's `messages`), joined. main.tsx hands them to the I18nProvider;
 * `MessageKey` (i18n.ts) is computed from the declared types, so `t('…')` still checks every key.
 */
import { type Intersect, joinMessages } from '../shared/dictionary';
import type { ConsoleModule } from './console';
import { en as shellEn } from './messages.en';
import { zh as shellZh } from './messages.zh';
import { CONSOLE_MODULES } from './modules';

type ZhOf<M> = M extends ConsoleModule<infer Zh> ? Zh : never;

export type Dictionary = typeof shellZh & Intersect<ZhOf<(typeof CONSOLE_MODULES)[number]>>;

const parts = CONSOLE_MODULES.map((m) => ({ label: `console module ${m.name}`, messages: m.messages }));

export const zh = joinMessages('zh', shellZh, parts) as Dictionary;
export const en = joinMessages('en', shellEn, parts) as Record<keyof Dictionary, string>;
