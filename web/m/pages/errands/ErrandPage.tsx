/** One errand: its state, deadline and timeline; the handler's steps; the resident's cancel and rating. */
import { Button, Form, Input, NavBar, Radio, Rate, Result, Steps, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import type { ErrandDetail } from '../../../../src/server/modules/services/errands.schema';
import {
  ERRAND_EVENT_LABELS,
  ERRAND_STATE_LABELS,
  THANKS_LABELS,
} from '../../../../src/server/modules/services/services.labels';
import { api, errorMessage } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useLoad } from '../../../shared/useLoad';
import { useI18n } from '../../i18n';
import { showError } from '../../notice';
import { LabelledTextArea } from '../../components/LabelledTextArea';

export function ErrandPage() {
  const { t, lang } = useI18n();
  const l = lang === 'en' ? 'en' : 'zh';
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const e = useLoad(() => api.get<ErrandDetail>(`/api/services/errands/${id}`), [id]);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [rating, setRating] = useState(5);
  const [comment, setComment] = useState('');
  const [thanks, setThanks] = useState<string>('');

  const step = async (path: string, body: object = {}) => {
    setBusy(true);
    try {
      await api.post(`/api/services/errands/${id}/${path}`, body);
      Toast.show({ icon: 'success', content: path === 'rate' ? t('err.rated') : t('err.done') });
      setNote('');
      e.reload();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  if (e.error) return <Result status="error" title={errorMessage(e.error)} />;
  if (!e.data) return null;
  const x = e.data;
  const offered = (a: string) => x.actions.includes(a as never);
  return (
    <div className="cc-m-page" data-testid="m-errand" data-state={x.state}>
      <NavBar onBack={() => navigate('/errands')}>{x.itemName}</NavBar>
      <div className="cc-m-card">
        <div className="cc-m-shop-name">
          {x.number}{' '}
          <Tag color="primary" data-testid="m-errand-state">
            {ERRAND_STATE_LABELS[x.state][l]}
          </Tag>
          {x.overdue && <Tag color="danger">{t('err.overdue')}</Tag>}
        </div>
        <div className="cc-m-hint">{t('err.due', { time: formatDateTime(x.dueAt) })}</div>
        {x.handlerName && <div className="cc-m-hint">{t('err.handler', { name: x.handlerName })}</div>}
        {x.documentsNeeded.length > 0 && (
          <div className="cc-m-hint">{t('err.documentsNeeded', { list: x.documentsNeeded.join('、') })}</div>
        )}
        {x.notes && <div>{x.notes}</div>}
        {x.outcome && (
          <div data-testid="m-errand-outcome">
            {t('err.outcome')}：{x.outcome}
          </div>
        )}
        {x.rating !== null && <Rate readOnly value={x.rating} />}
        {x.thanks && <Tag color="danger">{THANKS_LABELS[x.thanks][l]}</Tag>}
      </div>
      <Steps direction="vertical" current={x.events.length - 1}>
        {x.events.map((v) => (
          <Steps.Step
            key={String(v.at) + v.kind + (v.note ?? '')}
            title={`${ERRAND_EVENT_LABELS[v.kind]?.[l] ?? v.kind} · ${v.actorName ?? ''}`}
            description={`${formatDateTime(v.at)}${v.note ? ` · ${v.note}` : ''}`}
          />
        ))}
      </Steps>
      {offered('accept') && (
        <Button block color="primary" loading={busy} onClick={() => step('accept')} data-testid="m-errand-accept">
          {t('err.accept')}
        </Button>
      )}
      {(offered('progress') || offered('finish')) && (
        <Form layout="vertical">
          <Form.Item label={t('err.outcome')}>
            <Input
              aria-label={t('err.outcome')}
              value={note}
              onChange={setNote}
              data-testid="m-errand-note"
              clearable
            />
          </Form.Item>
          <Button block loading={busy} disabled={!note.trim()} onClick={() => step('progress', { note })}>
            {t('err.progress')}
          </Button>
          <Button
            block
            color="success"
            loading={busy}
            disabled={!note.trim()}
            onClick={() => step('finish', { success: true, outcome: note })}
            data-testid="m-errand-finish"
          >
            {t('err.finish')}
          </Button>
          <Button
            block
            fill="none"
            loading={busy}
            disabled={!note.trim()}
            onClick={() => step('finish', { success: false, outcome: note })}
          >
            {t('err.failed')}
          </Button>
        </Form>
      )}
      {offered('rate') && (
        <Form layout="vertical" data-testid="m-errand-rate-form">
          <Form.Item label={t('err.rating')}>
            <Rate value={rating} onChange={setRating} />
          </Form.Item>
          <LabelledTextArea
            id="m-errand-comment"
            label={t('err.comment')}
            value={comment}
            onChange={setComment}
            rows={2}
            maxLength={500}
          />
          <Form.Item label={t('err.thanks')}>
            <Radio.Group value={thanks} onChange={(v) => setThanks(String(v))}>
              <Radio value="">{t('err.noThanks')}</Radio>
              {(['banner', 'praise'] as const).map((k) => (
                <Radio key={k} value={k} data-thanks={k} style={{ marginLeft: 12 }}>
                  {THANKS_LABELS[k][l]}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Button
            block
            color="primary"
            loading={busy}
            data-testid="m-errand-rate"
            onClick={() => step('rate', { rating, comment, ...(thanks ? { thanks } : {}) })}
          >
            {t('err.rate')}
          </Button>
        </Form>
      )}
      {offered('cancel') && (
        <Button block fill="outline" loading={busy} onClick={() => step('cancel', {})}>
          {t('err.cancel')}
        </Button>
      )}
    </div>
  );
}
