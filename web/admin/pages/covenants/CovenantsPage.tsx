/** 村规民约 / 居民公约 of my places: one per village or community; setting one up where there is none. */
import { App, Button, Form, Input, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../../../shared/api';
import { COVENANT_KIND_LABELS, type Covenant, type CovenantSummary } from '../../../shared/covenants';
import { type Page, usePaged } from '../../../shared/usePaged';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';

export function CovenantsPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const { can } = useSession();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ divisionCode: string; kind: 'village' | 'community'; title: string }>();
  const list = usePaged((cursor) => api.get<Page<CovenantSummary>>('/api/covenants', { cursor }), []);
  const create = async () => {
    const v = await form.validateFields();
    try {
      const c = await api.post<Covenant>('/api/covenants', v);
      navigate(`/covenants/${c.id}`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <PageTitle
        title={t('menu.covenants')}
        hint={t('cov.hint')}
        extra={
          can('covenants.manage') && (
            <Button onClick={() => setCreating(true)} data-testid="cov-create">
              {t('cov.create')}
            </Button>
          )
        }
      />
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={list.items}
        onRow={(c) => ({ onClick: () => navigate(`/covenants/${c.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('cov.place'), dataIndex: 'divisionName' },
          { title: t('cov.title'), dataIndex: 'title', render: (v: string) => <span data-testid="cov-row">{v}</span> },
          {
            title: t('cov.kind'),
            dataIndex: 'kind',
            render: (k: CovenantSummary['kind']) => pick(COVENANT_KIND_LABELS[k].zh, COVENANT_KIND_LABELS[k].en),
          },
        ]}
      />
      <LoadMore paged={list} />
      <Modal open={creating} title={t('cov.create')} onOk={create} onCancel={() => setCreating(false)} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ kind: 'village' }}>
          <Form.Item name="divisionCode" label={t('cov.place')} rules={[{ required: true, pattern: /^[0-9]{12}$/ }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('cov.kind')}>
            <Select
              options={(['village', 'community'] as const).map((k) => ({
                value: k,
                label: pick(COVENANT_KIND_LABELS[k].zh, COVENANT_KIND_LABELS[k].en),
              }))}
            />
          </Form.Item>
          <Form.Item name="title" label={t('cov.title')} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
