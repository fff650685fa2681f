/** What the project pages share: response types, label helpers, the status tag, money. */
import { Tag } from 'antd';
import type { Static } from 'typebox';
import { type Label, STATUS_LABELS } from '../../../../src/server/modules/projects/projects.labels';
import type * as S from '../../../../src/server/modules/projects/projects.schema';
import { useI18n } from '../../i18n';

export type ProjectLine = Static<typeof S.ProjectLine>;
export type ProjectDetail = Static<typeof S.ProjectDetail>;
export type Representative = Static<typeof S.Representatives>[number];

export function useLabel() {
  const { lang } = useI18n();
  return (l: Label) => (lang === 'en' ? l.en : l.zh);
}

const STATUS_COLOR = { planned: 'default', in_progress: 'blue', done: 'green', delayed: 'red' } as const;

export function StatusTag({ status }: { status: ProjectLine['status'] }) {
  const say = useLabel();
  return <Tag color={STATUS_COLOR[status]}>{say(STATUS_LABELS[status])}</Tag>;
}

/** Fen → "12,345.67". */
export const money = (fen: number) =>
  (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Yuan typed in a form → fen (integers, no floating-point residue). */
export const toFen = (yuan: number) => Math.round(yuan * 100);
