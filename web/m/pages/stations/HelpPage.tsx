/** 五帮诉求: send a request (routed by kind, may cite the published support measures), follow my requests, rate answers. */
import { Button, Card, Form, Input, Rate, Selector, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import {
  HELP_BODY_LABELS,
  REQUEST_KIND_LABELS,
  REQUEST_KINDS,
  REQUEST_STATE_LABELS,
} from '../../../../src/server/modules/beehive/beehive.labels';
import type { HelpRequest, Measure, Worker } from '../../../../src/server/modules/beehive/beehive.schema';
import { api } from '../../../shared/api';
import { useLoad } from '../../../shared/useLoad';
import { type Page, usePaged } from '../../../shared/usePaged';
import { useI18n } from '../../i18n';
import { showError } from '../../notice';

export function HelpPage() {
  const { t, pick } = useI18n();
  const pl = (l: { zh: string; en: string }) => pick(l.zh, l.en);
  const me = useLoad(() => api.get<{ worker: Worker | null }>('/api/beehive/me'), []);
  const measures = useLoad(() => api.get<{ items: Measure[] }>('/api/beehive/measures'), []);
  const mine = usePaged(
    (cursor) => api.get<Page<HelpRequest>>('/api/beehive/requests', { cursor }),
    [me.data?.worker?.id],
  );
  const send = async (v: { kind?: string[]; description: string; measureIds?: string[] }) => {
    try {
      const r = await api.post<HelpRequest>('/api/beehive/requests', {
        kind: v.kind?.[0] ?? 'wage_arrears',
        description: v.description,
        measureIds: v.measureIds ?? [],
      });
      Toast.show({ icon: 'success', content: t('st.sent', { body: pl(HELP_BODY_LABELS[r.bodyKey]) }) });
      mine.reload();
    } catch (e) {
      showError(e);
    }
  };
  if (me.data && !me.data.worker)
    return (
      <div className="cc-m-page">
        <Card>{t('st.registerFirst')}</Card>
      </div>
    );
  return (
    <div className="cc-m-page" data-testid="m-help">
      <Form
        onFinish={send}
        layout="vertical"
        mode="card"
        footer={
          <Button block type="submit" color="primary" data-testid="st-send">
            {t('st.send')}
          </Button>
        }
      >
        <Form.Header>{t('st.help')}</Form.Header>
        <Form.Item name="kind" label={t('st.kind')} initialValue={['wage_arrears']}>
          <Selector columns={2} options={REQUEST_KINDS.map((k) => ({ value: k, label: pl(REQUEST_KIND_LABELS[k]) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('st.description')} rules={[{ required: true }]}>
          <TextArea rows={3} data-testid="st-description" />
        </Form.Item>
        {!!measures.data?.items.length && (
          <Form.Item name="measureIds" label={t('st.cite')}>
            <Selector
              multiple
              columns={1}
              options={measures.data.items.map((m) => ({ value: m.id, label: `${m.number}. ${m.title}` }))}
            />
          </Form.Item>
        )}
      </Form>
      <Card title={t('st.mine')} data-testid="st-mine">
        {mine.items.map((r) => (
          <RequestCard key={r.id} r={r} onChanged={mine.reload} />
        ))}
      </Card>
    </div>
  );
}

function RequestCard({ r, onChanged }: { r: HelpRequest; onChanged: () => void }) {
  const { t, pick } = useI18n();
  const pl = (l: { zh: string; en: string }) => pick(l.zh, l.en);
  const [rating, setRating] = useState(5);
  const [followUp, setFollowUp] = useState('');
  const rate = async () => {
    try {
      await api.post(`/api/beehive/requests/${r.id}/rating`, { rating, followUp });
      Toast.show({ icon: 'success', content: t('st.rated') });
      onChanged();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <div className="cc-m-card-row" data-request={r.kind} style={{ borderBottom: '1px solid #eee', padding: '8px 0' }}>
      <div>
        <Tag color="primary">{pl(REQUEST_KIND_LABELS[r.kind])}</Tag> <Tag>{pl(REQUEST_STATE_LABELS[r.state])}</Tag>{' '}
        {pl(HELP_BODY_LABELS[r.bodyKey])}
      </div>
      <div>{r.description}</div>
      <div className="cc-m-hint">{t('st.due', { d: String(r.dueAt).slice(0, 10) })}</div>
      {r.answer && <div data-testid="st-answer">{t('st.answer', { a: r.answer })}</div>}
      {r.state === 'answered' && (
        <div>
          <Rate value={rating} onChange={setRating} />
          <Input placeholder={t('st.followUp')} value={followUp} onChange={setFollowUp} />
          <Button size="small" onClick={rate}>
            {t('st.rate')}
          </Button>
        </div>
      )}
    </div>
  );
}
