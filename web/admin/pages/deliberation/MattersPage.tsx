/** 四议两公开: matters of my places, and the branch's proposal of a new one. */
import { App, Button, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../../../shared/api';
import { MATTER_STATE_LABELS, type Matter, type MatterState, type MatterSummary } from '../../../shared/deliberation';
import { formatDateTime } from '../../../shared/format';
import { type Page, usePaged } from '../../../shared/usePaged';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';

export function MattersPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ divisionCode: string; title: string; summary: string; decisionBody: string }>();
  const matters = usePaged((cursor) => api.get<Page<MatterSummary>>('/api/matters', { cursor }), []);

  const create = async () => {
    const v = await form.validateFields();
    try {
      const m = await api.post<Matter>('/api/matters', v);
      setCreating(false);
      navigate(`/matters/${m.id}`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <PageTitle
        title={t('menu.matters')}
        hint={t('dlb.mattersHint')}
        extra={
          <Button type="primary" onClick={() => setCreating(true)} data-testid="dlb-new-matter">
            {t('dlb.propose')}
          </Button>
        }
      />
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={matters.items}
        loading={matters.loading}
        onRow={(m) => ({ onClick: () => navigate(`/matters/${m.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('dlb.matter'), dataIndex: 'title' },
          {
            title: t('dlb.state'),
            dataIndex: 'state',
            render: (v: MatterState) => <Tag>{pick(MATTER_STATE_LABELS[v].zh, MATTER_STATE_LABELS[v].en)}</Tag>,
          },
          { title: t('dlb.startsAt'), dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v) },
        ]}
      />
      <LoadMore paged={matters} />
      <Modal open={creating} title={t('dlb.propose')} onOk={create} onCancel={() => setCreating(false)} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ decisionBody: 'representatives' }}>
          <Form.Item name="divisionCode" label={t('dlb.body')} rules={[{ required: true, pattern: /^[0-9]{12}$/ }]}>
            <Input />
          </Form.Item>
          <Form.Item name="title" label={t('dlb.matter')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="summary" label={t('dlb.summary')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="decisionBody" label={t('dlb.decisionBody')}>
            <Select
              options={[
                { value: 'representatives', label: t('dlb.representatives') },
                { value: 'villagers', label: t('dlb.villagers') },
              ]}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
