/**
 * The resident app's dictionaries: the shell's strings (messages.ts) and each tab's (its
 * ResidentTab's `messages`), joined. main.tsx hands them to the I18nProvider; `MessageKey` (i18n.ts)
 * is computed from the declared types, so `t('…')` still checks every key.
 */
import { en as shellEn, zh as shellZh } from './messages';
import { type Intersect, joinMessages } from '../shared/dictionary';
import type { ResidentTab } from './tab';
import { RESIDENT_TABS } from './tabs';

type ZhOf<T> = T extends ResidentTab<infer Zh> ? Zh : never;

export type Dictionary = typeof shellZh & Intersect<ZhOf<(typeof RESIDENT_TABS)[number]>>;

const parts = RESIDENT_TABS.map((tab) => ({ label: `resident tab ${tab.path}`, messages: tab.messages }));

export const zh = joinMessages('zh', shellZh, parts) as Dictionary;
export const en = joinMessages('en', shellEn, parts) as Record<keyof Dictionary, string>;
