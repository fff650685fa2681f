import { createI18n } from '../shared/i18n';
import type { Dictionary } from './dictionary';

export const { I18nProvider, useI18n } = createI18n<Dictionary>();
export type MessageKey = keyof Dictionary & string;
