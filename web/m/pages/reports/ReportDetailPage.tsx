/** A report of mine: its facts, photos, the public timeline; when closed, a 1–5 star rating and 不满意，重新办理 within 7 days. */
import {
  Button,
  Card,
  Dialog,
  DotLoading,
  ErrorBlock,
  Image,
  NavBar,
  Rate,
  Steps,
  Tag,
  TextArea,
  Toast,
} from 'antd-mobile';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, errorMessage } from '../../../shared/api';
import { canStillReopen, categoryName, eventLabel, stateLabel } from '../../../shared/cases';
import type { MyCaseDetail } from '../../../shared/cases';
import { useCategories } from '../../../shared/categories';
import { formatDateTime } from '../../../shared/format';
import { useLoad } from '../../../shared/useLoad';
import { useI18n } from '../../i18n';
import { M_STATE_COLORS } from './MyReportsPage';
import { showError } from '../../notice';

export function ReportDetailPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const categories = useCategories();
  const loaded = useLoad(() => api.get<MyCaseDetail>(`/api/cases/${id}`), [id]);
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const c = loaded.data;

  const rate = async () => {
    if (!score) {
      showError(t('detail.ratingRule'));
      return;
    }
    setBusy(true);
    try {
      await api.post(`/api/cases/${id}/events`, { type: 'rate', score, comment: comment.trim() || undefined });
      Toast.show({ icon: 'success', content: t('detail.thanks') });
      loaded.reload();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  const reopen = () => {
    let reason = '';
    void Dialog.confirm({
      title: t('detail.reopen'),
      content: (
        <TextArea
          placeholder={t('detail.reopenReason')}
          rows={3}
          onChange={(v) => {
            reason = v;
          }}
          maxLength={500}
          data-testid="m-reopen-reason"
        />
      ),
      confirmText: t('detail.reopen'),
      cancelText: t('action.cancel'),
      onConfirm: async () => {
        if (!reason.trim()) {
          showError(t('detail.reopenRule'));
          throw new Error('reason');
        }
        try {
          await api.post(`/api/cases/${id}/events`, { type: 'reopen', note: reason.trim() });
          Toast.show({ icon: 'success', content: t('detail.reopened') });
          loaded.reload();
        } catch (e) {
          showError(e);
        }
      },
    });
  };

  const timeline = (c?.timeline ?? []).filter((e) => e.isPublic);
  return (
    <div className="cc-m-page" data-testid="m-report-detail">
      <NavBar onBack={() => navigate('/me/reports')} className="cc-m-nav">
        {t('detail.title')}
      </NavBar>
      {loaded.loading && !c && (
        <div className="cc-m-center">
          <DotLoading color="primary" />
        </div>
      )}
      {loaded.error ? <ErrorBlock status="disconnected" description={errorMessage(loaded.error)} /> : null}
      {c && (
        <>
          <Card
            className="cc-m-card"
            title={<span>{c.title}</span>}
            extra={
              <Tag color={M_STATE_COLORS[c.state] ?? 'default'} data-testid="m-case-state">
                {stateLabel(c.state, lang)}
              </Tag>
            }
          >
            <div className="cc-m-kv">
              <span>{t('done.number')}</span>
              <b>{c.number}</b>
            </div>
            <div className="cc-m-kv">
              <span>{t('detail.category')}</span>
              <b>
                {categoryName(
                  categories.find((x) => x.code === c.categoryCode),
                  lang,
                  c.categoryCode,
                )}
              </b>
            </div>
            <div className="cc-m-kv">
              <span>{t('detail.time')}</span>
              <b>{formatDateTime(c.receivedAt)}</b>
            </div>
            {c.address && (
              <div className="cc-m-kv">
                <span>{t('detail.place')}</span>
                <b>{c.address}</b>
              </div>
            )}
            <div className="cc-m-desc">{c.description}</div>
            {!!c.photos?.length && (
              <div className="cc-m-photos">
                {c.photos.map((p) => (
                  <Image key={p.id} src={p.url} width={84} height={84} fit="cover" style={{ borderRadius: 6 }} />
                ))}
              </div>
            )}
          </Card>
          {c.state === 'closed' && (c.actions.includes('rate') || c.rating !== null) && (
            <Card
              className="cc-m-card"
              title={c.rating !== null ? t('detail.rated') : t('detail.rate')}
              data-testid="m-rate"
            >
              {c.rating !== null ? (
                <>
                  <Rate readOnly value={c.rating} />
                  {c.ratingComment && <div className="cc-m-desc">{c.ratingComment}</div>}
                </>
              ) : (
                <>
                  <Rate
                    value={score}
                    onChange={setScore}
                    style={{ '--star-size': '30px' } as React.CSSProperties}
                    data-testid="m-stars"
                  />
                  <TextArea
                    value={comment}
                    onChange={setComment}
                    placeholder={t('detail.comment')}
                    rows={2}
                    maxLength={500}
                    style={{ marginTop: 8 }}
                  />
                  <Button
                    block
                    color="primary"
                    loading={busy}
                    onClick={rate}
                    style={{ marginTop: 10 }}
                    data-testid="m-rate-submit"
                  >
                    {t('detail.submitRate')}
                  </Button>
                </>
              )}
            </Card>
          )}
          {c.actions.includes('reopen') && canStillReopen(c) && (
            <div className="cc-m-inset">
              <Button block color="danger" fill="outline" onClick={reopen} data-testid="m-reopen">
                {t('detail.reopen')}
              </Button>
              <div className="cc-m-hint" style={{ textAlign: 'center', marginTop: 4 }}>
                {t('detail.reopenHint')}
              </div>
            </div>
          )}
          <Card className="cc-m-card" title={t('detail.progress')}>
            <Steps direction="vertical" current={timeline.length - 1} data-testid="m-timeline">
              {[...timeline].reverse().map((e) => (
                <Steps.Step
                  key={e.id}
                  status="finish"
                  title={
                    <span>
                      {eventLabel(e.type, lang)}
                      {e.toState && e.toState !== e.fromState ? ` · ${stateLabel(e.toState, lang)}` : ''}
                    </span>
                  }
                  description={
                    <>
                      {formatDateTime(e.at)}
                      {e.note && <div className="cc-m-note">{e.note}</div>}
                    </>
                  }
                />
              ))}
            </Steps>
          </Card>
        </>
      )}
    </div>
  );
}
