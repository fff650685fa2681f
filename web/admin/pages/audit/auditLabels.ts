/**
 * Names of audit actions in both languages (unknown actions show their code), assembled from every
 * module's `*.labels.ts` (`AUDIT_LABELS`, the table its manifest declares): nothing is listed here.
 */
import type { Lang } from '../../../shared/i18n';

type Label = { zh: string; en: string };

const LABEL_FILES = import.meta.glob<{
  AUDIT_LABELS?: Record<string, Label>;
  AUDIT_ENTITY_LABELS?: Record<string, Label>;
}>('../../../../src/server/modules/*/*.labels.ts', { eager: true });

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

const ENTITIES: Record<string, Label> = Object.assign(
  {},
  ...Object.values(LABEL_FILES).map((file) => file.AUDIT_ENTITY_LABELS ?? {}),
);

/** Every labelled kind of record, sorted by its code (the audit page's record filter lists them). */
export const AUDIT_ENTITY_TYPES = Object.keys(ENTITIES).sort();

/** The name of a kind of record an audit row names (`entityType`); an unknown one shows its code. */
export function entityLabel(type: string, lang: Lang): string {
  const label = ENTITIES[type];
  return label ? label[lang === 'en' ? 'en' : 'zh'] : type;
}

export const OUTCOME_COLORS: Record<string, string> = { success: 'green', failure: 'red', denied: 'orange' };
