/** One selection in the console: its phase and the next step, nominees and their check, paper votes, signs, ranking, objections. */
import { App, Button, Card, Descriptions, Form, Input, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, errorMessage } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useLoad } from '../../../shared/useLoad';
import { type Page, usePaged } from '../../../shared/usePaged';
import { ErrorAlert } from '../../components/ErrorResult';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { Certificates } from './Certificates';
import { PaperVotes, Ranking, VoteSigns } from './VotingCards';
import {
  KIND_LABELS,
  label,
  NOMINEE_STATUS_LABELS,
  type NomineeView,
  type ObjectionView,
  PHASE_LABELS,
  ROUTE_LABELS,
  type SelectionView,
} from './types';

export function SelectionPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const sel = useLoad(() => api.get<SelectionView>(`/api/selections/${id}`), [id]);
  const nominees = usePaged((cursor) => api.get<Page<NomineeView>>(`/api/selections/${id}/nominees`, { cursor }), [id]);
  const [advancing, setAdvancing] = useState(false);
  const [reason, setReason] = useState('');
  const s = sel.data;
  const reload = () => {
    sel.reload();
    nominees.reload();
  };
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      message.success(t('sel.done'));
      reload();
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    }
  };
  if (!s) return <ErrorAlert error={sel.error} onRetry={sel.reload} />;
  const has = (a: SelectionView['actions'][number]) => s.actions.includes(a);
  const check = (n: NomineeView, eligible: boolean) =>
    act(() =>
      api.post(`/api/selections/${id}/nominees/${n.id}/check`, {
        eligible,
        note: eligible ? '符合条件' : '不符合条件',
      }),
    );
  return (
    <>
      <PageTitle
        title={s.title}
        hint={`${label(KIND_LABELS[s.kind], lang)} · ${s.divisionName}`}
        extra={
          has('advance') && (
            <Button type="primary" onClick={() => setAdvancing(true)} data-testid="sel-advance">
              {t('sel.advance')}
            </Button>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('sel.phase')}>
            <Tag color="blue" data-testid="sel-phase">
              {label(PHASE_LABELS[s.phase], lang)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('sel.quota')}>{s.quota}</Descriptions.Item>
          <Descriptions.Item label={t('sel.panelWeight')}>{s.panelWeight}</Descriptions.Item>
          <Descriptions.Item label={t('sel.nominationEnds')}>{formatDateTime(s.nominationEndsAt)}</Descriptions.Item>
          <Descriptions.Item label={t('sel.votingStarts')}>{formatDateTime(s.votingStartsAt)}</Descriptions.Item>
          <Descriptions.Item label={t('sel.votingEnds')}>{formatDateTime(s.votingEndsAt)}</Descriptions.Item>
          <Descriptions.Item label={t('sel.criteria')} span={3}>
            {s.criteria.map((c) => `${c.name} ${c.weight}% (${c.minScore}–${c.maxScore})`).join('；')}
          </Descriptions.Item>
          <Descriptions.Item label={t('menu.selectionsPanel')} span={3}>
            {s.panel.map((p) => p.displayName).join('、')}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Text type="secondary">{t('sel.turnout', { n: s.turnout })}</Typography.Text>
      </Card>
      <Card size="small" title={t('sel.nominees')} style={{ marginBottom: 16 }}>
        <Table<NomineeView>
          rowKey="id"
          size="small"
          pagination={false}
          loading={nominees.loading}
          dataSource={nominees.items}
          data-testid="sel-nominees"
          columns={[
            { title: t('sel.title'), dataIndex: 'name' },
            { title: t('sel.place'), dataIndex: 'placeName' },
            { title: t('sel.route'), key: 'route', render: (_, n) => label(ROUTE_LABELS[n.route], lang) },
            { title: t('sel.statement'), dataIndex: 'statement', ellipsis: true },
            { title: t('sel.endorsementsN'), dataIndex: 'endorsements', width: 70 },
            {
              title: t('sel.status'),
              key: 'status',
              render: (_, n) => <Tag>{label(NOMINEE_STATUS_LABELS[n.status], lang)}</Tag>,
            },
            {
              title: t('sel.check'),
              key: 'check',
              render: (_, n) =>
                has('check') && n.status !== 'proposed' ? (
                  <Space>
                    <Button size="small" onClick={() => check(n, true)} data-testid={`sel-eligible-${n.name}`}>
                      {t('sel.eligible')}
                    </Button>
                    <Button size="small" danger onClick={() => check(n, false)}>
                      {t('sel.ineligible')}
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
        <ErrorAlert error={nominees.error} onRetry={nominees.reload} />
        <LoadMore paged={nominees} />
      </Card>
      {s.phase === 'voting' && has('paper_vote') && <PaperVotes id={id} />}
      {has('advance') && (s.phase === 'voting' || s.phase === 'publicity') && <VoteSigns id={id} />}
      {(s.phase === 'publicity' || s.phase === 'results') && <Ranking id={id} revision={s.rankingRevision} />}
      {s.phase === 'results' && <Certificates id={id} canIssue={has('certify')} />}
      {(s.phase === 'publicity' || s.phase === 'results') && (
        <Objections id={id} canAnswer={has('answer')} onAnswered={reload} />
      )}
      <Modal
        open={advancing}
        title={t('sel.advance')}
        onCancel={() => setAdvancing(false)}
        onOk={async () => {
          if (
            await act(() => api.post(`/api/selections/${id}/advance`, reason.trim() ? { reason: reason.trim() } : {}))
          )
            setAdvancing(false);
        }}
      >
        <Input.TextArea
          placeholder={t('sel.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="sel-advance-reason"
        />
      </Modal>
    </>
  );
}

function Objections({ id, canAnswer, onAnswered }: { id: string; canAnswer: boolean; onAnswered: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const list = useLoad(() => api.get<{ items: ObjectionView[] }>(`/api/selections/${id}/objections`), [id]);
  const [answering, setAnswering] = useState<ObjectionView | null>(null);
  const [form] = Form.useForm<{ outcome: 'dismissed' | 'upheld'; answer: string }>();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await api.post(`/api/selections/${id}/objections/${answering!.id}/answer`, v);
      message.success(t('sel.done'));
      setAnswering(null);
      list.reload();
      onAnswered();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Card size="small" title={t('sel.objections')} style={{ marginBottom: 16 }}>
      <Table<ObjectionView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={list.data?.items ?? []}
        data-testid="sel-objections"
        columns={[
          { title: t('sel.nominees'), key: 'n', render: (_, o) => o.nomineeName ?? '—' },
          { title: t('sel.reason'), dataIndex: 'reason' },
          { title: t('sel.answerText'), key: 'a', render: (_, o) => o.answer ?? '' },
          {
            title: t('sel.answer'),
            key: 'act',
            render: (_, o) =>
              o.outcome ? (
                <Tag>{o.outcome === 'upheld' ? t('sel.uphold') : t('sel.dismiss')}</Tag>
              ) : canAnswer ? (
                <Button size="small" onClick={() => setAnswering(o)} data-testid="sel-answer">
                  {t('sel.answer')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal
        open={!!answering}
        title={t('sel.answer')}
        onCancel={() => setAnswering(null)}
        onOk={submit}
        destroyOnClose
      >
        <Form form={form} layout="vertical" initialValues={{ outcome: 'dismissed' }} preserve={false}>
          <Form.Item name="outcome">
            <Radio.Group>
              <Radio value="dismissed">{t('sel.dismiss')}</Radio>
              <Radio value="upheld" disabled={!answering?.nomineeId}>
                {t('sel.uphold')}
              </Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="answer" label={t('sel.answerText')} rules={[{ required: true, max: 1000 }]}>
            <Input.TextArea data-testid="sel-answer-text" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
