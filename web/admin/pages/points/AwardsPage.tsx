/**
 * 审核: the award queues (待审批, 公示中, 已办结, 全部) with the steps the server allows per award
 * (approval of an adjusted amount, review, publish, reject), and manual awards.
 */
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { type Award, type AwardAction, awardStateColor, awardStateLabel, signed } from '../../../shared/points';
import { type Page, usePaged } from '../../../shared/usePaged';
import { ErrorAlert } from '../../components/ErrorResult';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { type MessageKey, useI18n } from '../../i18n';
import { ManualAwardModal } from './ManualAwardModal';
import { PointsTable } from './PointsTable';

type Queue = 'approval' | 'publicity' | 'done' | 'all';
const QUEUES: { value: Queue; label: MessageKey }[] = [
  { value: 'approval', label: 'pts.queueApproval' },
  { value: 'publicity', label: 'pts.queuePublicity' },
  { value: 'done', label: 'pts.queueDone' },
  { value: 'all', label: 'pts.queueAll' },
];
const STAFF_STEPS: Partial<Record<AwardAction, MessageKey>> = {
  approve: 'pts.approve',
  review: 'pts.review',
  publish: 'pts.publish',
  reject: 'pts.reject',
};

/** The award's amount with its sign: +10 for an award, −10 for a deduction. */
export function awardAmount(a: Pick<Award, 'kind' | 'amount' | 'appliedAmount'>): string {
  const n = a.appliedAmount ?? a.amount;
  return signed(a.kind === 'deduct' ? -n : n);
}

export function AwardsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [queue, setQueue] = useState<Queue>('approval');
  const [rejecting, setRejecting] = useState<Award | null>(null);
  const [manual, setManual] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const awards = usePaged((cursor) => api.get<Page<Award>>('/api/points/console/awards', { queue, cursor }), [queue]);

  const step = async (a: Award, body: { type: AwardAction; reason?: string }) => {
    setBusy(`${a.id}:${body.type}`);
    try {
      await api.post<Award>(`/api/points/console/awards/${a.id}/steps`, body);
      message.success(`${t(STAFF_STEPS[body.type] ?? 'pts.done')} · ${t('pts.done')}`);
      setRejecting(null);
      awards.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageTitle
        title={t('menu.pointsAwards')}
        hint={`${t('pts.awardsHint')}。${t('pts.secondPersonHint')}`}
        extra={
          <Space>
            <Button icon={<PlusOutlined />} onClick={() => setManual(true)} data-testid="pts-manual-open">
              {t('pts.manual')}
            </Button>
            <Button icon={<ReloadOutlined />} onClick={awards.reload} data-testid="pts-awards-refresh">
              {t('action.refresh')}
            </Button>
          </Space>
        }
      />
      <Card size="small">
        <Segmented<Queue>
          value={queue}
          onChange={setQueue}
          options={QUEUES.map((q) => ({ value: q.value, label: t(q.label) }))}
          style={{ marginBottom: 12 }}
          data-testid="pts-queue"
        />
        <ErrorAlert error={awards.error} onRetry={awards.reload} />
        <PointsTable<Award>
          rowKey="id"
          loading={awards.loading}
          dataSource={awards.items}
          pageSize={false}
          scroll={{ x: 1100 }}
          data-testid="pts-awards-table"
          onRow={(a) =>
            ({ 'data-award': a.id, 'data-source': a.sourceEvent }) as React.HTMLAttributes<HTMLTableRowElement>
          }
          columns={[
            { title: t('pts.person'), dataIndex: 'userName', width: 170 },
            { title: t('pts.rule'), dataIndex: 'ruleName', width: 150 },
            { title: t('pts.reason'), dataIndex: 'reason', ellipsis: true },
            {
              title: t('pts.amount'),
              key: 'amount',
              width: 110,
              align: 'right',
              render: (_: unknown, a) => (
                <span
                  title={
                    a.amountReason
                      ? `${t('pts.ruleAmount')} ${a.ruleAmount} · ${t('pts.amountReason')}：${a.amountReason}`
                      : undefined
                  }
                  data-testid="pts-award-amount"
                >
                  <Typography.Text type={a.kind === 'deduct' ? 'danger' : 'success'} strong>
                    {awardAmount(a)}
                  </Typography.Text>
                  {a.amountReason && <Typography.Text type="secondary"> ({a.ruleAmount})</Typography.Text>}
                </span>
              ),
            },
            {
              title: t('pts.state'),
              dataIndex: 'state',
              width: 110,
              render: (s: Award['state'], a) => (
                <span title={a.rejectionReason ?? undefined}>
                  <Tag color={awardStateColor(s)}>{awardStateLabel(s, lang)}</Tag>
                </span>
              ),
            },
            { title: t('pts.earnedAt'), dataIndex: 'earnedAt', width: 160, render: formatDateTime },
            { title: t('pts.publicityUntil'), dataIndex: 'publicityUntil', width: 160, render: formatDateTime },
            {
              title: t('col.actions'),
              key: 'actions',
              width: 200,
              fixed: 'right',
              render: (_: unknown, a) => (
                <Space size={4} wrap data-testid="pts-award-actions">
                  {a.actions
                    .filter((x) => STAFF_STEPS[x])
                    .map((x) => (
                      <Button
                        key={x}
                        size="small"
                        type={x === 'reject' ? 'default' : 'primary'}
                        danger={x === 'reject'}
                        loading={busy === `${a.id}:${x}`}
                        data-action={x}
                        onClick={() => (x === 'reject' ? setRejecting(a) : step(a, { type: x }))}
                      >
                        {t(STAFF_STEPS[x]!)}
                      </Button>
                    ))}
                </Space>
              ),
            },
          ]}
        />
        <LoadMore paged={awards} />
      </Card>
      <Modal
        open={!!rejecting}
        title={`${t('pts.reject')} · ${rejecting?.userName ?? ''}`}
        okText={t('pts.reject')}
        okButtonProps={{ danger: true }}
        cancelText={t('action.cancel')}
        confirmLoading={!!busy}
        onCancel={() => setRejecting(null)}
        onOk={async () => {
          const v = await form.validateFields();
          if (rejecting) await step(rejecting, { type: 'reject', reason: v.reason.trim() });
        }}
        afterClose={() => form.resetFields()}
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={t('pts.rejectReason')}
            rules={[{ required: true, whitespace: true, message: t('pts.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
      <ManualAwardModal
        open={manual}
        onClose={() => setManual(false)}
        onDone={() => {
          setManual(false);
          setQueue('approval');
          awards.reload();
        }}
      />
    </>
  );
}
