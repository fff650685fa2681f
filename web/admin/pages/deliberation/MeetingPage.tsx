/** One meeting: sign-in code and QR, the live quorum panel (polled), the roster, motions and tallies. */
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  QRCode,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect } from 'react';
import { useParams } from 'react-router-dom';
import { api, errorMessage } from '../../../shared/api';
import {
  type LiveQuorum,
  MEETING_TYPE_LABELS,
  MOTION_KIND_LABELS,
  type Meeting,
  type RosterEntry,
  VOTE_METHOD_LABELS,
} from '../../../shared/deliberation';
import { type Page, usePaged } from '../../../shared/usePaged';
import { useLoad } from '../../../shared/useLoad';
import { ErrorAlert } from '../../components/ErrorResult';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useDownload } from '../../components/useDownload';
import { useI18n } from '../../i18n';
import { MotionCard } from './MotionCard';

function QuorumPanel({ id, initial }: { id: string; initial: Meeting }) {
  const { t, pick } = useI18n();
  const live = useLoad(() => api.get<LiveQuorum>(`/api/meetings/${id}/quorum`), [id]);
  useEffect(() => {
    if (initial.state !== 'open') return;
    const timer = setInterval(() => live.reload(), 1000); // each sign-in shows within a second
    return () => clearInterval(timer);
  }, [initial.state, live.reload]);
  const q = live.data?.quorum ?? initial.quorum.check;
  return (
    <Card size="small" title={t('dlb.quorum')} data-testid="dlb-quorum">
      <Space size="large">
        <Statistic title={t('dlb.present')} value={q.present} />
        <Statistic title={t('dlb.required')} value={q.required} />
        <Tag color={q.met ? 'green' : 'red'} data-testid="dlb-quorum-met">
          {t(q.met ? 'dlb.met' : 'dlb.notMet')}
        </Tag>
      </Space>
      <Typography.Paragraph type="secondary">{pick(q.explanation.zh, q.explanation.en)}</Typography.Paragraph>
    </Card>
  );
}

export function MeetingPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const meeting = useLoad(() => api.get<Meeting>(`/api/meetings/${id}`), [id]);
  const files = useDownload();
  const roster = usePaged((cursor) => api.get<Page<RosterEntry>>(`/api/meetings/${id}/roster`, { cursor }), [id]);
  const [motionForm] = Form.useForm<{
    title: string;
    method: 'hands' | 'paper';
    kind: 'ordinary' | 'major' | 'election';
  }>();

  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      meeting.reload();
      roster.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  if (meeting.error) return <ErrorAlert error={meeting.error} />;
  const m = meeting.data;
  if (!m) return null;
  const allowed = (a: Meeting['actions'][number]) => m.actions.includes(a);
  return (
    <>
      <PageTitle
        title={m.title}
        hint={`${pick(MEETING_TYPE_LABELS[m.meetingType].zh, MEETING_TYPE_LABELS[m.meetingType].en)} · ${m.agenda}`}
        extra={
          <Space>
            {allowed('open') && (
              <Button
                type="primary"
                onClick={() => act(() => api.post(`/api/meetings/${id}/open`))}
                data-testid="dlb-open"
              >
                {t('dlb.open')}
              </Button>
            )}
            {allowed('cancel') && (
              <Button onClick={() => act(() => api.post(`/api/meetings/${id}/cancel`))}>{t('dlb.cancel')}</Button>
            )}
            {allowed('close') && (
              <Button onClick={() => act(() => api.post(`/api/meetings/${id}/close`, { minutes: m.minutes }))}>
                {t('dlb.close')}
              </Button>
            )}
            <Button
              loading={files.busy}
              onClick={() => files.download(`/api/meetings/${id}/attendance.xlsx`, {}, `${m.title}-签到表.xlsx`)}
              data-testid="dlb-export-attendance"
            >
              {t('dlb.exportAttendance')}
            </Button>
            <Button
              loading={files.busy}
              onClick={() => files.download(`/api/meetings/${id}/tallies.xlsx`, {}, `${m.title}-表决.xlsx`)}
            >
              {t('dlb.exportTallies')}
            </Button>
            <Button
              loading={files.busy}
              onClick={() => files.download(`/api/meetings/${id}/minutes.pdf`, {}, `${m.title}-会议纪要.pdf`)}
              data-testid="dlb-export-minutes"
            >
              {t('dlb.exportMinutes')}
            </Button>
          </Space>
        }
      />
      {m.warnings.map((w) => (
        <Alert
          key={w.rule}
          type="warning"
          showIcon
          message={pick(w.explanation.zh, w.explanation.en)}
          style={{ marginBottom: 8 }}
        />
      ))}
      <Row gutter={16}>
        <Col span={8}>
          <Card size="small" title={t('dlb.code')}>
            <Typography.Title level={2} data-testid="dlb-signin-code" style={{ margin: 0 }}>
              {m.signinCode}
            </Typography.Title>
            <QRCode value={`${location.origin}/m/deliberation?code=${m.signinCode}`} size={140} />
            <Typography.Text type="secondary">{t('dlb.qrHint')}</Typography.Text>
          </Card>
        </Col>
        <Col span={16}>
          <QuorumPanel id={id} initial={m} />
        </Col>
      </Row>
      <Typography.Title level={5}>{t('dlb.motions')}</Typography.Title>
      <Space direction="vertical" style={{ width: '100%' }}>
        {m.motions.map((x) => (
          <MotionCard key={x.id} motion={x} owners={m.meetingType === 'owners'} onChange={meeting.reload} />
        ))}
        {allowed('motion') && (
          <Form
            form={motionForm}
            layout="inline"
            initialValues={{ method: 'hands', kind: 'ordinary' }}
            onFinish={(v) =>
              act(async () => {
                await api.post(`/api/meetings/${id}/motions`, v);
                motionForm.resetFields();
              })
            }
          >
            <Form.Item name="title" label={t('dlb.motionTitle')} rules={[{ required: true }]}>
              <Input data-testid="dlb-motion-title" />
            </Form.Item>
            <Form.Item name="method" label={t('dlb.method')}>
              <Select
                style={{ width: 120 }}
                data-testid="dlb-motion-method"
                options={(['hands', 'paper'] as const).map((v) => ({
                  value: v,
                  label: pick(VOTE_METHOD_LABELS[v].zh, VOTE_METHOD_LABELS[v].en),
                }))}
              />
            </Form.Item>
            <Form.Item name="kind" label={t('dlb.kind')}>
              <Select
                style={{ width: 120 }}
                options={(['ordinary', 'major', 'election'] as const).map((v) => ({
                  value: v,
                  label: pick(MOTION_KIND_LABELS[v].zh, MOTION_KIND_LABELS[v].en),
                }))}
              />
            </Form.Item>
            <Button htmlType="submit" data-testid="dlb-put-motion">
              {t('dlb.put')}
            </Button>
          </Form>
        )}
      </Space>
      <Typography.Title level={5}>{t('dlb.roster')}</Typography.Title>
      <Table
        rowKey="residentId"
        size="small"
        pagination={false}
        dataSource={roster.items}
        columns={[
          { title: t('dlb.titleField'), dataIndex: 'name' },
          {
            title: t('dlb.present'),
            dataIndex: 'present',
            render: (present: boolean, r: RosterEntry) =>
              present ? (
                <Tag color="green">{t('dlb.signedIn')}</Tag>
              ) : allowed('sign_in') ? (
                <Button
                  size="small"
                  onClick={() => act(() => api.post(`/api/meetings/${id}/attendance`, { residentId: r.residentId }))}
                >
                  {t('dlb.signIn')}
                </Button>
              ) : null,
          },
        ]}
      />
      <LoadMore paged={roster} />
    </>
  );
}
