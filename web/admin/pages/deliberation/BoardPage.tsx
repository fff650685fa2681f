/** 村务公开: items of my places, publishing a new one, and (town, county) the §30 schedule with overdue flags. */
import { App, Button, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../../shared/api';
import { DISCLOSURE_CATEGORY_LABELS, type Disclosure, type ScheduleRow } from '../../../shared/deliberation';
import { formatDateTime } from '../../../shared/format';
import { type Page, usePaged } from '../../../shared/usePaged';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';

export function BoardPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const { me, can } = useSession();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ divisionCode: string; category: string; title: string; body: string }>();
  const items = usePaged((cursor) => api.get<Page<Disclosure>>('/api/disclosures', { cursor }), []);
  const oversees = can('deliberation.oversee');
  const scope = me.grants.find(
    (g: { role: string; scopeCode: string }) => g.role === 'town_officer' || g.role === 'county_officer',
  )?.scopeCode;
  const schedule = usePaged(
    (cursor) =>
      oversees && scope
        ? api.get<Page<ScheduleRow>>('/api/disclosures/schedule', { scope, cursor })
        : Promise.resolve({ items: [], next: null, more: false }),
    [oversees, scope],
  );

  const publish = async () => {
    const v = await form.validateFields();
    try {
      await api.post('/api/disclosures', v);
      setCreating(false);
      items.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const due = (d: ScheduleRow['affairs']) => (
    <Tag color={d.overdue ? 'red' : 'green'}>
      {t(d.overdue ? 'dlb.overdue' : 'dlb.onTime')} {d.dueAt ? formatDateTime(d.dueAt) : ''}
    </Tag>
  );

  return (
    <>
      <PageTitle
        title={t('menu.disclosures')}
        hint={t('dlb.disclosuresHint')}
        extra={
          can('deliberation.manage') && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('dlb.publish')}
            </Button>
          )
        }
      />
      {oversees && (
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          title={() => t('dlb.schedule')}
          dataSource={schedule.items}
          columns={[
            { title: t('dlb.body'), dataIndex: 'name' },
            { title: t('dlb.affairs'), dataIndex: 'affairs', render: due },
            { title: t('dlb.finance'), dataIndex: 'finance', render: due },
            { title: t('dlb.lastMajor'), dataIndex: 'lastMajorAt', render: (v: string | null) => formatDateTime(v) },
          ]}
        />
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items.items}
        columns={[
          { title: t('dlb.titleField'), dataIndex: 'title' },
          {
            title: t('dlb.category'),
            dataIndex: 'category',
            render: (v: Disclosure['category']) =>
              pick(DISCLOSURE_CATEGORY_LABELS[v].zh, DISCLOSURE_CATEGORY_LABELS[v].en),
          },
          { title: t('dlb.startsAt'), dataIndex: 'publishedAt', render: (v: string) => formatDateTime(v) },
        ]}
      />
      <LoadMore paged={items} />
      <Modal
        open={creating}
        title={t('dlb.publish')}
        onOk={publish}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ category: 'affairs' }}>
          <Form.Item name="divisionCode" label={t('dlb.body')} rules={[{ required: true, pattern: /^[0-9]{12}$/ }]}>
            <Input />
          </Form.Item>
          <Form.Item name="category" label={t('dlb.category')}>
            <Select
              options={(['affairs', 'finance', 'major'] as const).map((v) => ({
                value: v,
                label: pick(DISCLOSURE_CATEGORY_LABELS[v].zh, DISCLOSURE_CATEGORY_LABELS[v].en),
              }))}
            />
          </Form.Item>
          <Form.Item name="title" label={t('dlb.titleField')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="body" label={t('dlb.summary')} rules={[{ required: true }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
