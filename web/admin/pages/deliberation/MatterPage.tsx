/** One matter: its whole history (steps, votes, disclosures) and the next step on its record. */
import { App, Button, Card, Form, Input, Select, Space, Tag, Timeline, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { api, errorMessage } from '../../../shared/api';
import {
  MATTER_EVENT_LABELS,
  MATTER_STATE_LABELS,
  type Matter,
  type MatterEvent,
  type MeetingSummary,
} from '../../../shared/deliberation';
import { formatDateTime } from '../../../shared/format';
import { useLoad } from '../../../shared/useLoad';
import { ErrorAlert } from '../../components/ErrorResult';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';

const VOTES: readonly MatterEvent[] = ['consult', 'review', 'resolve'];

export function MatterPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const matter = useLoad(() => api.get<Matter>(`/api/matters/${id}`), [id]);
  const [form] = Form.useForm<{ event: MatterEvent; motionId?: string; note?: string }>();
  const event = Form.useWatch('event', form);
  const meetings = useLoad(
    () => api.get<{ items: MeetingSummary[] }>('/api/meetings', { limit: 30 }).then((p) => p.items),
    [],
  );

  if (matter.error) return <ErrorAlert error={matter.error} />;
  const m = matter.data;
  if (!m) return null;
  const label = (e: string) =>
    e in MATTER_EVENT_LABELS
      ? pick(MATTER_EVENT_LABELS[e as MatterEvent].zh, MATTER_EVENT_LABELS[e as MatterEvent].en)
      : t('dlb.propose');

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await api.post(`/api/matters/${id}/steps`, v);
      form.resetFields();
      matter.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <PageTitle
        title={m.title}
        hint={m.summary}
        extra={
          <Tag data-testid="dlb-matter-state">
            {pick(MATTER_STATE_LABELS[m.state].zh, MATTER_STATE_LABELS[m.state].en)}
          </Tag>
        }
      />
      <Card size="small" title={t('dlb.history')}>
        <Timeline
          items={m.steps.map((s) => ({
            color: s.outcome === 'returned' || s.outcome === 'rejected' ? 'red' : 'green',
            children: (
              <>
                <b>{label(s.event)}</b> · {formatDateTime(s.recordedAt)}
                {s.meetingTitle ? ` · ${s.meetingTitle}` : ''}
                {s.motion?.tally
                  ? ` · ${t('dlb.yes')} ${s.motion.tally.yes} / ${t('dlb.no')} ${s.motion.tally.no} / ${t('dlb.abstain')} ${s.motion.tally.abstain}`
                  : ''}
                {s.motion?.result && (
                  <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                    {pick(s.motion.result.explanation.zh, s.motion.result.explanation.en)}
                  </Typography.Paragraph>
                )}
                {s.note && <div>{s.note}</div>}
              </>
            ),
          }))}
        />
      </Card>
      {m.disclosures.map((d) => (
        <Card key={d.id} size="small" title={d.title} style={{ marginTop: 8 }}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.body}</Typography.Paragraph>
        </Card>
      ))}
      {m.actions.length > 0 && (
        <Card size="small" title={t('dlb.step')} style={{ marginTop: 8 }}>
          <Form form={form} layout="vertical" onFinish={submit}>
            <Form.Item name="event" label={t('dlb.step')} rules={[{ required: true }]}>
              <Select data-testid="dlb-step-event" options={m.actions.map((a) => ({ value: a, label: label(a) }))} />
            </Form.Item>
            {event && VOTES.includes(event) && (
              <Form.Item name="motionId" label={t('dlb.motionId')} rules={[{ required: true }]}>
                <Input
                  data-testid="dlb-step-motion"
                  addonAfter={
                    <Space size={4}>
                      {(meetings.data ?? []).slice(0, 3).map((x) => (
                        <Typography.Text key={x.id} type="secondary">
                          {x.title}
                        </Typography.Text>
                      ))}
                    </Space>
                  }
                />
              </Form.Item>
            )}
            <Form.Item name="note" label={t('dlb.note')}>
              <Input.TextArea rows={2} data-testid="dlb-step-note" />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="dlb-step-submit">
              {t('dlb.record')}
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}
