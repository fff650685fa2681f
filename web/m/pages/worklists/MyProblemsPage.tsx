/** 我反映的问题: problems a resident raised (a visit's needs included), their tasks and effect; the resident confirms or disputes the effect. */
import { Button, DotLoading, ErrorBlock, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import type { Static } from 'typebox';
import {
  CONFIRMATION_LABELS,
  type Label,
  RESULT_KIND_LABELS,
  STATE_LABELS,
} from '../../../../src/server/modules/worklists/worklists.labels';
import type * as S from '../../../../src/server/modules/worklists/worklists.schema';
import { api, errorMessage } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useLoad } from '../../../shared/useLoad';
import { type Page, usePaged } from '../../../shared/usePaged';
import { useI18n } from '../../i18n';
import { showError } from '../../notice';

type Problem = Static<typeof S.Problem>;
type Detail = Static<typeof S.ProblemDetail>;

function Effect({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const say = (l: Label) => (lang === 'en' ? l.en : l.zh);
  const detail = useLoad(() => api.get<Detail>(`/api/worklists/problems/${id}`), [id]);
  const [comment, setComment] = useState('');
  const d = detail.data;
  if (!d) return <DotLoading color="primary" />;
  const answer = async (confirmed: boolean) => {
    try {
      await api.post(`/api/worklists/problems/${id}/confirm`, { confirmed, comment: comment.trim() || undefined });
      Toast.show({ icon: 'success', content: t(confirmed ? 'wlm.confirmedToast' : 'wlm.disputedToast') });
      detail.reload();
      onChanged();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <div className="cc-m-hint" style={{ marginTop: 8 }}>
      {d.tasks.map((task) => (
        <div key={task.id}>
          · {task.title}（{task.doneAt ? task.outcome : t('wlm.deadline', { date: task.deadline })}）
        </div>
      ))}
      {d.effect && (
        <div style={{ marginTop: 6 }} data-testid="m-wl-effect">
          <b>{say(RESULT_KIND_LABELS[d.effect.resultKind])}</b>：{d.effect.summary} ·{' '}
          {say(CONFIRMATION_LABELS[d.effect.confirmation])}
        </div>
      )}
      {d.actions.includes('confirm') && (
        <div style={{ marginTop: 8 }}>
          <TextArea placeholder={t('wlm.comment')} value={comment} onChange={setComment} maxLength={500} rows={2} />
          <Button
            size="small"
            color="primary"
            onClick={() => answer(true)}
            data-testid="m-wl-confirm"
            style={{ marginRight: 8 }}
          >
            {t('wlm.confirm')}
          </Button>
          <Button size="small" fill="outline" onClick={() => answer(false)} data-testid="m-wl-dispute">
            {t('wlm.dispute')}
          </Button>
        </div>
      )}
    </div>
  );
}

export function MyProblemsPage() {
  const { t, lang } = useI18n();
  const rows = usePaged((cursor) => api.get<Page<Problem>>('/api/worklists/problems', { cursor }), []);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div className="cc-m-page" data-testid="m-worklists">
      <h2>{t('wlm.title')}</h2>
      {rows.loading && !rows.items.length && <DotLoading color="primary" />}
      {rows.error ? <ErrorBlock status="disconnected" description={errorMessage(rows.error)} /> : null}
      {!rows.loading && !rows.error && !rows.items.length && (
        <ErrorBlock status="empty" title={t('wlm.empty')} description="" />
      )}
      {rows.items.map((p) => (
        <div key={p.id} className="cc-m-card" data-problem={p.id}>
          <button
            type="button"
            style={{ all: 'unset', display: 'block', width: '100%', cursor: 'pointer' }}
            onClick={() => setOpen(open === p.id ? null : p.id)}
          >
            <b>{p.title}</b>{' '}
            <Tag
              color={p.state === 'closed' ? 'success' : p.state === 'effect_recorded' ? 'primary' : 'warning'}
              fill="outline"
            >
              {lang === 'en' ? STATE_LABELS[p.state].en : STATE_LABELS[p.state].zh}
            </Tag>
            <div className="cc-m-hint">
              {p.villageName} · {formatDateTime(p.createdAt)}
            </div>
          </button>
          {open === p.id && <Effect id={p.id} onChanged={rows.reload} />}
        </div>
      ))}
      {rows.more && (
        <Button size="small" onClick={() => void rows.loadMore()}>
          {t('wlm.more')}
        </Button>
      )}
    </div>
  );
}
