/** What the three lists' pages share: response types and label helpers. */
import { Tag } from 'antd';
import type { Static } from 'typebox';
import {
  CONFIRMATION_LABELS,
  type Label,
  RESULT_KIND_LABELS,
  SOURCE_LABELS,
  STATE_LABELS,
} from '../../../../src/server/modules/worklists/worklists.labels';
import type * as S from '../../../../src/server/modules/worklists/worklists.schema';
import { useI18n } from '../../i18n';

export type Problem = Static<typeof S.Problem>;
export type ProblemDetail = Static<typeof S.ProblemDetail>;
export type Summary = Static<typeof S.Summary>;

export function useLabel() {
  const { lang } = useI18n();
  return (l: Label | undefined, fallback = '') => (l ? (lang === 'en' ? l.en : l.zh) : fallback);
}

const STATE_COLOR = { open: 'gold', effect_recorded: 'blue', closed: 'green' } as const;

export function StateTag({ state }: { state: Problem['state'] }) {
  const say = useLabel();
  return <Tag color={STATE_COLOR[state]}>{say(STATE_LABELS[state])}</Tag>;
}

export { CONFIRMATION_LABELS, RESULT_KIND_LABELS, SOURCE_LABELS, STATE_LABELS };
