/** 公示与异议: awards in publicity (公示中/有异议) and the objections raised; staff resolve an objection upheld or dismissed. */
import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Radio, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { type Award, awardStateColor, awardStateLabel, type Objection } from '../../../shared/points';
import { type Page, usePaged } from '../../../shared/usePaged';
import { ErrorAlert } from '../../components/ErrorResult';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { awardAmount } from './AwardsPage';
import { PointsTable } from './PointsTable';
import { useBusyAction } from './useBusyAction';

export function PublicityPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState<'true' | 'false'>('true');
  const [resolving, setResolving] = useState<Objection | null>(null);
  const [busy, run] = useBusyAction();
  const [form] = Form.useForm<{ upheld: boolean; reason: string }>();
  const awards = usePaged(
    (cursor) => api.get<Page<Award>>('/api/points/console/awards', { queue: 'publicity', cursor }),
    [],
  );
  const objections = usePaged(
    (cursor) => api.get<Page<Objection>>('/api/points/console/objections', { open, cursor }),
    [open],
  );

  const resolve = async () => {
    const v = await form.validateFields();
    if (!resolving) return;
    await run(async () => {
      await api.post(`/api/points/console/objections/${resolving.id}/resolve`, {
        upheld: v.upheld,
        reason: v.reason.trim(),
      });
      message.success(t('pts.done'));
      setResolving(null);
      objections.reload();
      awards.reload();
    });
  };

  return (
    <>
      <PageTitle
        title={t('menu.pointsPublicity')}
        hint={t('pts.publicityHint')}
        extra={
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              awards.reload();
              objections.reload();
            }}
          >
            {t('action.refresh')}
          </Button>
        }
      />
      <Card size="small" title={t('pts.queuePublicity')} style={{ marginBottom: 16 }}>
        <ErrorAlert error={awards.error} onRetry={awards.reload} />
        <PointsTable<Award>
          rowKey="id"
          loading={awards.loading}
          dataSource={awards.items}
          pageSize={false}
          data-testid="pts-publicity-table"
          columns={[
            { title: t('pts.person'), dataIndex: 'userName', width: 170 },
            { title: t('pts.reason'), dataIndex: 'reason', ellipsis: true },
            {
              title: t('pts.amount'),
              key: 'amount',
              width: 80,
              align: 'right',
              render: (_: unknown, a) => awardAmount(a),
            },
            {
              title: t('pts.state'),
              dataIndex: 'state',
              width: 100,
              render: (s: Award['state']) => <Tag color={awardStateColor(s)}>{awardStateLabel(s, lang)}</Tag>,
            },
            { title: t('pts.publicityUntil'), dataIndex: 'publicityUntil', width: 160, render: formatDateTime },
          ]}
        />
        <LoadMore paged={awards} />
      </Card>
      <Card
        size="small"
        title={t('pts.objections')}
        extra={
          <Segmented
            value={open}
            onChange={(v) => setOpen(v as 'true' | 'false')}
            options={[
              { value: 'true', label: t('pts.objectionOpen') },
              { value: 'false', label: t('pts.objectionAll') },
            ]}
          />
        }
      >
        <ErrorAlert error={objections.error} onRetry={objections.reload} />
        <PointsTable<Objection>
          rowKey="id"
          loading={objections.loading}
          dataSource={objections.items}
          pageSize={false}
          data-testid="pts-objections-table"
          columns={[
            {
              title: t('pts.person'),
              dataIndex: 'awardUserName',
              width: 170,
            },
            {
              title: t('pts.reason'),
              dataIndex: 'awardReason',
              ellipsis: true,
            },
            { title: t('pts.objections'), dataIndex: 'reason', ellipsis: true },
            { title: t('pts.raisedAt'), dataIndex: 'createdAt', width: 160, render: formatDateTime },
            {
              title: t('pts.resolution'),
              key: 'res',
              width: 200,
              render: (_: unknown, o) =>
                o.resolvedAt ? (
                  <Typography.Text type="secondary">
                    {t(o.upheld ? 'pts.upheld' : 'pts.dismissed')}
                    {o.resolution ? `：${o.resolution}` : ''}
                  </Typography.Text>
                ) : o.actions.includes('resolve') ? (
                  <Button size="small" type="primary" onClick={() => setResolving(o)} data-action="resolve">
                    {t('pts.resolve')}
                  </Button>
                ) : (
                  '—'
                ),
            },
          ]}
        />
        <LoadMore paged={objections} />
      </Card>
      <Modal
        open={!!resolving}
        title={t('pts.resolve')}
        onOk={resolve}
        onCancel={() => setResolving(null)}
        okText={t('pts.resolve')}
        cancelText={t('action.cancel')}
        confirmLoading={busy}
        afterClose={() => form.resetFields()}
      >
        <Form form={form} layout="vertical" initialValues={{ upheld: false }}>
          <Form.Item name="upheld" label={t('pts.resolution')}>
            <Radio.Group
              options={[
                { value: false, label: t('pts.dismissed') },
                { value: true, label: t('pts.upheld') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('pts.reason')}
            rules={[{ required: true, whitespace: true, message: t('pts.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
