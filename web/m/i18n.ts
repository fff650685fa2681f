import { createI18n } from '../shared/i18n';
import { en, zh } from './messages';

export const { I18nProvider, useI18n } = createI18n(zh, en);
export type MessageKey = keyof typeof zh;
