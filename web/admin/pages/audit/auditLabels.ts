/**
 * Names of audit actions in both languages (unknown actions show their code), assembled from every
 * module's `*.labels.ts` (`AUDIT_LABELS`, the table its manifest declares): nothing is listed here.
 */
import type { Lang } from '../../../shared/i18n';

type Label = { zh: string; en: string };

const LABEL_FILES = import.meta.glob<{ AUDIT_LABELS?: Record<string, Label> }>(
  '../../../../src/server/modules/*/*.labels.ts',
  { eager: true },
);

const ACTIONS: Record<string, Label> = Object.assign(
  {},
  ...Object.values(LABEL_FILES).map((file) => file.AUDIT_LABELS ?? {}),
);

/** Every labelled action, sorted by its code (the audit page's action filter lists them). */
export const AUDIT_ACTIONS = Object.keys(ACTIONS).sort();

export function actionLabel(action: string, lang: Lang): string {
  const label = ACTIONS[action];
  return label ? label[lang === 'en' ? 'en' : 'zh'] : action;
}

export const OUTCOME_COLORS: Record<string, string> = { success: 'green', failure: 'red', denied: 'orange' };
