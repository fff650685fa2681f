/**
 * Points (积分) for the console and the resident app: the server's contract types
 * (src/server/modules/points/points.schema.ts) and labels (points.labels.ts), defined once there,
 * plus how the web shows them.
 */
import {
  AWARD_STATE_LABELS,
  type AwardState,
  type Label,
  REDEMPTION_STATE_LABELS,
  type RedemptionState,
  TRANSACTION_KIND_LABELS,
  type TransactionKind,
} from '../../src/server/modules/points/points.labels';
import type { Lang } from './i18n';

export type { AwardAction, AwardState, RedemptionState } from '../../src/server/modules/points/points.labels';
export type {
  Award,
  HistoryRow,
  MyPoints,
  NewItemInput,
  Objection,
  PersonReport,
  PlaceReport,
  PlaceRequest,
  PublicityRow,
  Redemption,
  Rule as RuleVersion,
  RuleInput,
  SettingsView as PointsSettings,
  ShopItem,
} from '../../src/server/modules/points/points.schema';

/** A label in the UI language; English starts with a capital letter in a tag or a list. */
const say = (l: Label | undefined, fallback: string, lang: Lang) =>
  !l ? fallback : lang === 'en' ? l.en.charAt(0).toUpperCase() + l.en.slice(1) : l.zh;

const AWARD_STATE_COLORS: Record<AwardState, string> = {
  awaiting_approval: 'orange',
  pending: 'gold',
  reviewed: 'blue',
  published: 'cyan',
  objected: 'volcano',
  credited: 'green',
  rejected: 'default',
};

export const awardStateLabel = (s: AwardState, lang: Lang) => say(AWARD_STATE_LABELS[s], s, lang);
export const awardStateColor = (s: AwardState) => AWARD_STATE_COLORS[s] ?? 'default';

export const redemptionStateLabel = (s: RedemptionState, lang: Lang) => say(REDEMPTION_STATE_LABELS[s], s, lang);

export const entryKindLabel = (k: string, lang: Lang) => say(TRANSACTION_KIND_LABELS[k as TransactionKind], k, lang);

/** "10 积分 = 5 元" / "10 points = ¥5". */
export function exchangeText(e: { points: number; yuan: number }, lang: Lang): string {
  return lang === 'en' ? `${e.points} points = ¥${e.yuan}` : `${e.points} 积分 = ${e.yuan} 元`;
}

export const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
