/** The case's timeline (办理过程): every step with its actor, time, note and the handler, result or score. */
import { Tag, Timeline, Typography } from 'antd';
import { eventLabel, rejectLabel, stateLabel, type TimelineEntry } from '../../../shared/cases';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../i18n';

const COLORS: Record<string, string> = {
  receive: 'blue',
  reject: 'gray',
  verify: 'green',
  rate: 'gold',
  send_back: 'red',
  reopen: 'red',
  supervise: 'volcano',
};

export function CaseTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t, lang } = useI18n();
  const detail = (e: TimelineEntry) => {
    const d = e.data ?? {};
    if (e.type === 'dispatch' && typeof d.handlerLabel === 'string') return `→ ${d.handlerLabel}`;
    if (e.type === 'verify') return d.passed ? t('act.pass') : t('act.fail');
    if (e.type === 'rate' && typeof d.score === 'number') return '★'.repeat(d.score) + '☆'.repeat(5 - d.score);
    if (e.type === 'reject' && typeof d.reason === 'string') return rejectLabel(d.reason, lang);
    return null;
  };
  return (
    <Timeline
      data-testid="case-timeline"
      items={entries.map((e) => ({
        key: e.id,
        color: COLORS[e.type] ?? 'red',
        content: (
          <div data-event={e.type}>
            <Typography.Text strong>{eventLabel(e.type, lang)}</Typography.Text>{' '}
            {e.toState && e.toState !== e.fromState && <Tag>{stateLabel(e.toState, lang)}</Tag>}
            {!e.isPublic && <Tag color="default">{t('case.internal')}</Tag>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(e.at)} · {e.actorLabel ?? '—'}
            </Typography.Text>
            {detail(e) && <div>{detail(e)}</div>}
            {e.note && <div className="cc-note">{e.note}</div>}
          </div>
        ),
      }))}
    />
  );
}
