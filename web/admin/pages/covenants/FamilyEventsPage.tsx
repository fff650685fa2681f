/**
 * 红白事 register (红白理事会): events of my places, latest first, each flagged when over the limits of
 * the covenant article in force (the article cited by its reference and shown on hover); recording one.
 */
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Table, Tag, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, errorMessage } from '../../../shared/api';
import { type ArticleRef, EVENT_KIND_LABELS, EVENT_KINDS, type FamilyEvent } from '../../../shared/covenants';
import { type Page, usePaged } from '../../../shared/usePaged';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';

/** The flag of an event, naming the article it was checked against; the article's text is fetched on hover. */
function Flag({ e }: { e: FamilyEvent }) {
  const { t } = useI18n();
  const [text, setText] = useState<string>();
  if (!e.versionId || !e.articleNumber) return null;
  const over = e.overTables || e.overDays;
  const load = () =>
    !text &&
    void api
      .get<ArticleRef>(`/api/covenant-articles/${e.versionId}/${e.articleNumber}`)
      .then((r) => setText(`${r.title}（${r.versionLabel}）第 ${r.number} 条：${r.article.body}`))
      .catch((err: unknown) => setText(errorMessage(err)));
  return (
    <Tooltip title={text ?? '…'} onOpenChange={(o) => o && load()}>
      <Tag color={over ? 'red' : 'green'} data-testid={over ? 'cov-flag-over' : 'cov-flag-ok'}>
        {over ? t('cov.exceeds', { n: e.articleNumber }) : t('cov.within')}
        {e.overTables && ` · ${t('cov.overTables')}`}
        {e.overDays && ` · ${t('cov.overDays')}`}
      </Tag>
    </Tooltip>
  );
}

interface Values {
  divisionCode: string;
  family: string;
  kind: FamilyEvent['kind'];
  heldOn: Dayjs;
  tables: number;
  days: number;
  costYuan: number;
  note?: string;
}

export function FamilyEventsPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const { can } = useSession();
  const list = usePaged((cursor) => api.get<Page<FamilyEvent>>('/api/family-events', { cursor }), []);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const record = async () => {
    const { heldOn, costYuan, ...v } = await form.validateFields();
    try {
      await api.post('/api/family-events', {
        ...v,
        heldOn: heldOn.format('YYYY-MM-DD'),
        costFen: Math.round(costYuan * 100),
      });
      setOpen(false);
      list.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <PageTitle
        title={t('menu.familyEvents')}
        hint={t('cov.eventsHint')}
        extra={can('covenants.manage') && <Button onClick={() => setOpen(true)}>{t('cov.record')}</Button>}
      />
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={list.items}
        columns={[
          { title: t('cov.heldOn'), dataIndex: 'heldOn' },
          { title: t('cov.family'), dataIndex: 'family' },
          {
            title: t('cov.eventKind'),
            dataIndex: 'kind',
            render: (k: FamilyEvent['kind']) => pick(EVENT_KIND_LABELS[k].zh, EVENT_KIND_LABELS[k].en),
          },
          { title: t('cov.tables'), dataIndex: 'tables' },
          { title: t('cov.days'), dataIndex: 'days' },
          { title: t('cov.cost'), dataIndex: 'costFen', render: (f: number) => (f / 100).toFixed(2) },
          { title: t('cov.flag'), render: (_: unknown, e: FamilyEvent) => <Flag e={e} /> },
          { title: t('cov.note'), dataIndex: 'note' },
        ]}
      />
      <LoadMore paged={list} />
      <Modal open={open} title={t('cov.record')} onOk={record} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ kind: 'wedding', heldOn: dayjs(), days: 1, tables: 10 }}>
          <Form.Item name="divisionCode" label={t('cov.place')} rules={[{ required: true, pattern: /^[0-9]{12}$/ }]}>
            <Input />
          </Form.Item>
          <Form.Item name="family" label={t('cov.family')} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('cov.eventKind')}>
            <Select
              options={EVENT_KINDS.map((k) => ({
                value: k,
                label: pick(EVENT_KIND_LABELS[k].zh, EVENT_KIND_LABELS[k].en),
              }))}
            />
          </Form.Item>
          <Form.Item name="heldOn" label={t('cov.heldOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="tables" label={t('cov.tables')} rules={[{ required: true }]}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="days" label={t('cov.days')} rules={[{ required: true }]}>
            <InputNumber min={1} />
          </Form.Item>
          <Form.Item name="costYuan" label={t('cov.cost')} rules={[{ required: true }]}>
            <InputNumber min={0} step={100} />
          </Form.Item>
          <Form.Item name="note" label={t('cov.note')}>
            <Input.TextArea />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
