/** What the care pages share: the response types, tier and status tags. */
import { Tag } from 'antd';
import type { Static } from 'typebox';
import type * as S from '../../../../src/server/modules/care/care.schema';
import { TIER_LABELS, VISIT_STATUS_LABELS } from '../../../../src/server/modules/care/care.labels';
import { useI18n } from '../../i18n';

export type PersonLine = Static<typeof S.PersonLine>;
export type PersonRecord = Static<typeof S.PersonRecord>;
export type DueLine = Static<typeof S.DueLine>;
export type RateTable = Static<typeof S.RateTable>;
export type Settings = Static<typeof S.Settings>;
export type VisitResult = Static<typeof S.VisitResult>;

const TIER_COLOR = { high: 'red', key: 'orange', general: 'blue' } as const;
const STATUS_COLOR = { overdue: 'red', due: 'gold', scheduled: 'default' } as const;

export function TierTag({ tier }: { tier: keyof typeof TIER_LABELS }) {
  const { lang } = useI18n();
  return <Tag color={TIER_COLOR[tier]}>{TIER_LABELS[tier][lang === 'en' ? 'en' : 'zh']}</Tag>;
}

export function StatusTag({ status }: { status: keyof typeof VISIT_STATUS_LABELS | null }) {
  const { lang } = useI18n();
  if (!status) return null;
  return <Tag color={STATUS_COLOR[status]}>{VISIT_STATUS_LABELS[status][lang === 'en' ? 'en' : 'zh']}</Tag>;
}

/** A category key as the county names it. */
export function categoryName(settings: Settings | undefined, key: string, lang: string): string {
  const c = settings?.categories.find((x) => x.key === key);
  return c ? (lang === 'en' ? c.en : c.zh) : key;
}
