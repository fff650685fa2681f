/** 积分规则: rule versions in and above my scope; a new version takes effect from now or later, never backwards. */
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Radio, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import type { RuleInput, RuleVersion } from '../../../shared/points';
import { type Page, usePaged } from '../../../shared/usePaged';
import { DivisionPicker } from '../../components/DivisionPicker';
import { ErrorAlert } from '../../components/ErrorResult';
import { PageTitle } from '../../components/PageTitle';
import { scopeRoots } from '../../components/scope';
import { useI18n } from '../../i18n';
import { useSession, useSite } from '../../session';
import { LoadMore } from '../../components/LoadMore';
import { PointsTable } from './PointsTable';
import { useBusyAction } from './useBusyAction';
import { usePlaceNames } from '../../../shared/usePlaceNames';

/** The form: a rule version with its start as a date picker's value. */
type Values = Omit<RuleInput, 'effectiveFrom'> & { effectiveFrom: Dayjs };

export function RulesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { me, can } = useSession();
  const site = useSite();
  const [open, setOpen] = useState(false);
  const [busy, run] = useBusyAction();
  const [form] = Form.useForm<Values>();
  const rules = usePaged((cursor) => api.get<Page<RuleVersion>>('/api/points/console/rules', { cursor }), []);
  const place = usePlaceNames(rules.items.map((r) => r.scopeCode));
  const canCreate = can('points.review');

  const roots = scopeRoots(me, site.county.code);
  const canCreateAt = (code: string) => roots.some((r) => code.startsWith(r));
  const startNew = (from?: RuleVersion) => {
    form.resetFields();
    form.setFieldsValue(
      from
        ? {
            ...from,
            scopeCode: canCreateAt(from.scopeCode) ? from.scopeCode : undefined,
            effectiveFrom: dayjs().add(1, 'minute'),
          }
        : {
            kind: 'earn',
            source: 'manual',
            scopeCode: roots.length === 1 ? roots[0] : undefined,
            effectiveFrom: dayjs().add(1, 'minute'),
          },
    );
    setOpen(true);
  };

  const submit = async () => {
    const v = await form.validateFields();
    await run(async () => {
      await api.post('/api/points/console/rules', {
        scopeCode: v.scopeCode,
        code: v.code.trim(),
        name: v.name.trim(),
        kind: v.kind,
        source: v.source,
        amount: v.amount,
        dailyCap: v.dailyCap ?? null,
        monthlyCap: v.monthlyCap ?? null,
        effectiveFrom: v.effectiveFrom.toISOString(),
      });
      message.success(t('pts.created'));
      setOpen(false);
      rules.reload();
    });
  };

  const cap = (n: number | null) => (n === null ? t('pts.noCap') : n);
  return (
    <>
      <PageTitle
        title={t('menu.pointsRules')}
        hint={t('pts.rulesHint')}
        extra={
          <Space>
            {canCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => startNew()} data-testid="pts-rule-new">
                {t('pts.newVersion')}
              </Button>
            )}
            <Button icon={<ReloadOutlined />} onClick={rules.reload}>
              {t('action.refresh')}
            </Button>
          </Space>
        }
      />
      <Card size="small">
        <ErrorAlert error={rules.error} onRetry={rules.reload} />
        <PointsTable<RuleVersion>
          rowKey="id"
          loading={rules.loading}
          dataSource={rules.items}
          pageSize={false}
          scroll={{ x: 1000 }}
          data-testid="pts-rules-table"
          columns={[
            {
              title: t('pts.name'),
              dataIndex: 'name',
              // the rule by its name only: its code (woodpecker_report) is for the code (issue #11 item 11)
              render: (n: string, r) => <span data-code={r.code}>{n}</span>,
            },
            { title: t('pts.scope'), dataIndex: 'scopeCode', width: 150, render: place },
            {
              title: t('pts.version'),
              dataIndex: 'version',
              width: 70,
              align: 'center',
              render: (v: number) => `v${v}`,
            },
            {
              title: t('pts.kind'),
              dataIndex: 'kind',
              width: 80,
              render: (k: string) => (
                <Tag color={k === 'earn' ? 'green' : 'red'}>{t(k === 'earn' ? 'pts.earn' : 'pts.deduct')}</Tag>
              ),
            },
            {
              title: t('pts.source'),
              dataIndex: 'source',
              width: 200,
              render: (s: string) => t(s === 'manual' ? 'pts.sourceManual' : 'pts.sourceCases'),
            },
            { title: t('pts.amount'), dataIndex: 'amount', width: 70, align: 'right' },
            { title: t('pts.dailyCap'), dataIndex: 'dailyCap', width: 90, align: 'right', render: cap },
            { title: t('pts.monthlyCap'), dataIndex: 'monthlyCap', width: 90, align: 'right', render: cap },
            {
              title: t('pts.effectiveFrom'),
              dataIndex: 'effectiveFrom',
              width: 160,
              // a county's first versions take effect from the epoch (always): said in words, not 1970-01-01
              render: (at: string) => (Date.parse(at) <= 86_400_000 ? t('pts.sinceStart') : formatDateTime(at)),
            },
            ...(canCreate
              ? [
                  {
                    title: t('col.actions'),
                    key: 'a',
                    width: 110,
                    render: (_: unknown, r: RuleVersion) => (
                      <Button size="small" onClick={() => startNew(r)}>
                        {t('pts.newVersion')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
        <LoadMore paged={rules} />
      </Card>
      <Modal
        open={open}
        title={t('pts.newVersion')}
        onOk={submit}
        onCancel={() => setOpen(false)}
        okText={t('action.save')}
        cancelText={t('action.cancel')}
        confirmLoading={busy}
        width={560}
      >
        <Alert type="info" showIcon title={t('pts.noBackdate')} style={{ marginBottom: 12 }} />
        <Form form={form} layout="vertical" data-testid="pts-rule-form">
          <Form.Item name="scopeCode" label={t('pts.scope')} rules={[{ required: true }]}>
            <DivisionPicker rootCodes={scopeRoots(me, site.county.code)} />
          </Form.Item>
          <Space.Compact block>
            <Form.Item
              name="code"
              label={t('pts.code')}
              rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,39}$/ }]}
              style={{ flex: 1 }}
            >
              <Input placeholder="volunteer_service" />
            </Form.Item>
            <Form.Item
              name="name"
              label={t('pts.name')}
              rules={[{ required: true, whitespace: true }]}
              style={{ flex: 1, marginLeft: 8 }}
            >
              <Input maxLength={60} />
            </Form.Item>
          </Space.Compact>
          <Form.Item name="kind" label={t('pts.kind')}>
            <Radio.Group
              options={[
                { value: 'earn', label: t('pts.earn') },
                { value: 'deduct', label: t('pts.deduct') },
              ]}
            />
          </Form.Item>
          <Form.Item name="source" label={t('pts.source')}>
            <Radio.Group
              options={[
                { value: 'manual', label: t('pts.sourceManual') },
                { value: 'cases.filed', label: t('pts.sourceCases') },
              ]}
            />
          </Form.Item>
          <Space size={8}>
            <Form.Item name="amount" label={t('pts.amount')} rules={[{ required: true }]}>
              <InputNumber min={1} max={1_000_000} precision={0} />
            </Form.Item>
            <Form.Item name="dailyCap" label={t('pts.dailyCap')}>
              <InputNumber min={1} max={1_000_000} precision={0} placeholder={t('pts.noCap')} />
            </Form.Item>
            <Form.Item name="monthlyCap" label={t('pts.monthlyCap')}>
              <InputNumber min={1} max={1_000_000} precision={0} placeholder={t('pts.noCap')} />
            </Form.Item>
          </Space>
          <Form.Item name="effectiveFrom" label={t('pts.effectiveFrom')} rules={[{ required: true }]}>
            <DatePicker showTime disabledDate={(d) => d.isBefore(dayjs(), 'day')} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
