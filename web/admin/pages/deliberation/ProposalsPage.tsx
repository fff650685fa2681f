/** 共谋: proposals of my places with their supports, the meetings they oblige, and the official answer. */
import { App, Button, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../../shared/api';
import type { Proposal, ProposalSummary } from '../../../shared/deliberation';
import { formatDateTime } from '../../../shared/format';
import { type Page, usePaged } from '../../../shared/usePaged';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';

export function ProposalsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const rows = usePaged((cursor) => api.get<Page<ProposalSummary>>('/api/proposals', { cursor }), []);
  const [open, setOpen] = useState<Proposal | null>(null);
  const [form] = Form.useForm<{ state: 'answered' | 'adopted' | 'declined'; answer: string }>();

  const show = async (id: string) => {
    try {
      setOpen(await api.get<Proposal>(`/api/proposals/${id}`));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const answer = async () => {
    const v = await form.validateFields();
    if (!open) return;
    try {
      setOpen(await api.post<Proposal>(`/api/proposals/${open.id}/answer`, v));
      rows.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <PageTitle title={t('menu.proposals')} hint={t('dlb.proposalsHint')} />
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows.items}
        onRow={(p) => ({ onClick: () => void show(p.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('dlb.titleField'), dataIndex: 'title' },
          { title: t('dlb.supports'), dataIndex: 'supports' },
          { title: t('dlb.state'), dataIndex: 'state', render: (v: string) => <Tag>{v}</Tag> },
          { title: t('dlb.startsAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
        ]}
      />
      <LoadMore paged={rows} />
      <Modal open={!!open} title={open?.title} footer={null} onCancel={() => setOpen(null)} destroyOnHidden>
        {open && (
          <>
            <Typography.Paragraph>{open.body}</Typography.Paragraph>
            {open.obligations.map((o) => (
              <div key={o.rule}>
                <Tag color={o.met ? 'red' : 'default'}>
                  {o.present}/{o.required}
                </Tag>
                {o.article} {o.rule} {o.met ? t('dlb.obliges') : ''}
              </div>
            ))}
            {open.comments.map((c) => (
              <Typography.Paragraph key={c.id} type="secondary">
                {c.author}：{c.body}
              </Typography.Paragraph>
            ))}
            {open.answer && <Typography.Paragraph strong>{open.answer}</Typography.Paragraph>}
            {open.actions.includes('answer') && (
              <Form form={form} layout="vertical" initialValues={{ state: 'answered' }} onFinish={answer}>
                <Form.Item name="state" label={t('dlb.state')}>
                  <Select
                    options={(['answered', 'adopted', 'declined'] as const).map((v) => ({
                      value: v,
                      label: t(`dlb.${v}`),
                    }))}
                  />
                </Form.Item>
                <Form.Item name="answer" label={t('dlb.answerField')} rules={[{ required: true, min: 2 }]}>
                  <Input.TextArea rows={3} />
                </Form.Item>
                <Button type="primary" htmlType="submit">
                  {t('dlb.save')}
                </Button>
              </Form>
            )}
          </>
        )}
      </Modal>
    </>
  );
}
