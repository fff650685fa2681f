/** 身边的民生实事: the projects of my village, town and county with their progress; a chosen representative rates one here. */
import { Button, DotLoading, ErrorBlock, ProgressBar, Rate, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import type { Static } from 'typebox';
import { type Label, STATUS_LABELS } from '../../../../src/server/modules/projects/projects.labels';
import type * as S from '../../../../src/server/modules/projects/projects.schema';
import { api, errorMessage } from '../../../shared/api';
import { useLoad } from '../../../shared/useLoad';
import { type Page, usePaged } from '../../../shared/usePaged';
import { useI18n } from '../../i18n';

type Line = Static<typeof S.ProjectLine>;
type Detail = Static<typeof S.ProjectDetail>;
// darker than antd-mobile's own (a green of 2.7:1 on white): each at least 4.5:1 for small text (axe)
const STATUS_COLOR = { planned: '#666666', in_progress: '#1d5fd0', done: '#1a7f37', delayed: '#b7141b' } as const;
const tenths = (n: number | null) => (n === null ? '—' : (n / 10).toFixed(1));

function RateForm({ d, onDone }: { d: Detail; onDone: () => void }) {
  const { t } = useI18n();
  const [progress, setProgress] = useState(d.myRating?.progress ?? 0);
  const [quality, setQuality] = useState(d.myRating?.quality ?? 0);
  const [comment, setComment] = useState(d.myRating?.comment ?? '');
  const send = async () => {
    try {
      await api.put(`/api/projects/${d.project.id}/rating`, {
        progress,
        quality,
        comment: comment.trim() || undefined,
      });
      Toast.show({ icon: 'success', content: t('pjm.thanks') });
      onDone();
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    }
  };
  return (
    <div className="cc-m-card" data-testid="m-pj-rate" style={{ marginTop: 8 }}>
      <b>{t('pjm.rateTitle')}</b>
      <div>
        {t('pjm.rateProgress')} <Rate value={progress} onChange={setProgress} data-testid="m-pj-rate-progress" />
      </div>
      <div>
        {t('pjm.rateQuality')} <Rate value={quality} onChange={setQuality} data-testid="m-pj-rate-quality" />
      </div>
      <TextArea placeholder={t('pjm.comment')} value={comment} onChange={setComment} maxLength={500} rows={2} />
      <Button
        size="small"
        color="primary"
        disabled={!progress || !quality}
        onClick={() => void send()}
        data-testid="m-pj-submit"
      >
        {t('pjm.submit')}
      </Button>
    </div>
  );
}

function ProjectDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const detail = useLoad(() => api.get<Detail>(`/api/public/projects/${id}`), [id]);
  const d = detail.data;
  if (!d) return <DotLoading color="primary" />;
  return (
    <div className="cc-m-hint" style={{ marginTop: 8 }} data-testid="m-pj-detail">
      <div>{d.project.description}</div>
      <div style={{ marginTop: 6 }}>{t('pjm.milestones')}</div>
      {d.milestones.map((m) => (
        <div key={m.id}>
          · {m.title}（{t('pjm.due', { date: m.dueOn })}）{m.progress}%{' '}
          {m.late && <Tag color="danger">{t('pjm.late')}</Tag>}
        </div>
      ))}
      <div style={{ marginTop: 6 }} data-testid="m-pj-ratings">
        {d.ratings.count
          ? t('pjm.ratings', {
              n: d.ratings.count,
              p: tenths(d.ratings.progressTenths),
              q: tenths(d.ratings.qualityTenths),
            })
          : t('pjm.noRatings')}
      </div>
      {d.comments.map((c) => (
        <div key={String(c.ratedAt)}>「{c.comment}」</div>
      ))}
      {d.photos.map((ph) => (
        <img key={ph.id} src={ph.url} alt="" style={{ width: 96, height: 96, objectFit: 'cover', marginRight: 4 }} />
      ))}
      {d.actions.includes('rate') && <RateForm d={d} onDone={detail.reload} />}
    </div>
  );
}

export function ProjectsNearPage() {
  const { t } = useI18n();
  return (
    <div className="cc-m-page" data-testid="m-projects">
      <h2>{t('pjm.title')}</h2>
      <ProjectList />
    </div>
  );
}

/**
 * The projects of a place (a village: its own, its town's and its county's) with their progress, each
 * opening its milestones, ratings and photos; without `place`, the signed-in resident's home village.
 */
export function ProjectList({ place }: { place?: string }) {
  const { t, lang } = useI18n();
  const say = (l: Label) => (lang === 'en' ? l.en : l.zh);
  const rows = usePaged((cursor) => api.get<Page<Line>>('/api/public/projects', { place, cursor }), [place]);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      {rows.loading && !rows.items.length && <DotLoading color="primary" />}
      {rows.error ? <ErrorBlock status="disconnected" description={errorMessage(rows.error)} /> : null}
      {!rows.loading && !rows.error && !rows.items.length && (
        <ErrorBlock status="empty" title={t('pjm.empty')} description="" />
      )}
      {rows.items.map((p) => (
        <div key={p.id} className="cc-m-card" data-project={p.id}>
          <button
            type="button"
            style={{ all: 'unset', display: 'block', width: '100%', cursor: 'pointer' }}
            onClick={() => setOpen(open === p.id ? null : p.id)}
          >
            <b>{p.title}</b>{' '}
            <Tag color={STATUS_COLOR[p.status]} fill="outline">
              {say(STATUS_LABELS[p.status])}
            </Tag>
            <div className="cc-m-hint">
              {p.placeName} · {t('pjm.budget', { yuan: (p.budgetFen / 100).toFixed(2) })} ·{' '}
              {t('pjm.due', { date: p.dueOn })}
            </div>
            <ProgressBar percent={p.progress} text={`${p.progress}%`} data-testid="m-pj-progress" />
          </button>
          {open === p.id && <ProjectDetail id={p.id} />}
        </div>
      ))}
      {rows.more && (
        <Button size="small" onClick={() => void rows.loadMore()}>
          {t('pjm.more')}
        </Button>
      )}
    </>
  );
}
