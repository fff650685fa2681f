/** 两会: councils of my places with their current term and members; setting one up, registering a term. */
import { App, Button, DatePicker, Form, Input, Modal, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../../../shared/api';
import { COUNCIL_KIND_LABELS, COUNCIL_KINDS, COUNCIL_ROLE_LABELS, type Council } from '../../../shared/covenants';
import { type Page, usePaged } from '../../../shared/usePaged';
import { LoadMore } from '../../components/LoadMore';
import { MeetingFields, type NoticeFields, toNotice } from '../../components/MeetingFields';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { PersonPicker } from './PersonPicker';

export function CouncilsPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const { can } = useSession();
  const list = usePaged((cursor) => api.get<Page<Council>>('/api/councils', { cursor }), []);
  const [creating, setCreating] = useState(false);
  const [termFor, setTermFor] = useState<Council | null>(null);
  const [meetingFor, setMeetingFor] = useState<Council | null>(null);
  const [meetingForm] = Form.useForm<NoticeFields>();
  const navigate = useNavigate();
  const [councilForm] = Form.useForm<{ divisionCode: string; kind: Council['kind']; name: string }>();
  const [termForm] = Form.useForm<{ range: [Dayjs, Dayjs]; chair: string[]; members?: string[] }>();
  const run = async (fn: () => Promise<unknown>, done: () => void) => {
    try {
      await fn();
      done();
      list.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const create = async () => {
    const v = await councilForm.validateFields();
    await run(
      () => api.post('/api/councils', v),
      () => setCreating(false),
    );
  };
  const addTerm = async () => {
    const v = await termForm.validateFields();
    const members = [
      { residentId: v.chair[0], role: 'chair' },
      ...(v.members ?? []).filter((id) => id !== v.chair[0]).map((residentId) => ({ residentId, role: 'member' })),
    ];
    const [from, to] = v.range;
    await run(
      () =>
        api.post(`/api/councils/${termFor?.id}/terms`, {
          startsOn: from.format('YYYY-MM-DD'),
          endsOn: to.format('YYYY-MM-DD'),
          members,
        }),
      () => setTermFor(null),
    );
  };
  /** A council convenes a meeting on the meetings engine: its members are the roster; then its page. */
  const convene = async () => {
    const v = await meetingForm.validateFields();
    try {
      const m = await api.post<{ id: string }>(`/api/councils/${meetingFor?.id}/meetings`, toNotice(v));
      setMeetingFor(null);
      navigate(`/meetings/${m.id}`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const current = (c: Council) => c.terms.find((x) => x.id === c.currentTermId);
  return (
    <>
      <PageTitle
        title={t('menu.councils')}
        hint={t('cov.councilsHint')}
        extra={can('covenants.manage') && <Button onClick={() => setCreating(true)}>{t('cov.newCouncil')}</Button>}
      />
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={list.items}
        data-testid="cov-councils"
        columns={[
          { title: t('cov.place'), dataIndex: 'divisionName' },
          { title: t('cov.name'), dataIndex: 'name' },
          {
            title: t('cov.kind'),
            dataIndex: 'kind',
            render: (k: Council['kind']) => pick(COUNCIL_KIND_LABELS[k].zh, COUNCIL_KIND_LABELS[k].en),
          },
          {
            title: t('cov.currentTerm'),
            render: (_: unknown, c: Council) => {
              const term = current(c);
              return term ? `${term.startsOn} ~ ${term.endsOn}` : <Tag>{t('cov.noTerm')}</Tag>;
            },
          },
          {
            title: t('cov.members'),
            render: (_: unknown, c: Council) =>
              current(c)?.members.map((m) => (
                <Tag key={m.residentId} color={m.role === 'chair' ? 'red' : undefined}>
                  {m.name}（{pick(COUNCIL_ROLE_LABELS[m.role].zh, COUNCIL_ROLE_LABELS[m.role].en)}）
                </Tag>
              )),
          },
          {
            title: '',
            render: (_: unknown, c: Council) =>
              c.actions.includes('term') && (
                <>
                  <Button size="small" onClick={() => setTermFor(c)}>
                    {t('cov.newTerm')}
                  </Button>{' '}
                  {c.currentTermId && (
                    <Button size="small" onClick={() => setMeetingFor(c)} data-testid="cov-convene">
                      {t('cov.convene')}
                    </Button>
                  )}
                </>
              ),
          },
        ]}
      />
      <LoadMore paged={list} />
      <Modal
        open={creating}
        title={t('cov.newCouncil')}
        onOk={create}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form form={councilForm} layout="vertical" initialValues={{ kind: 'red_white_council' }}>
          <Form.Item name="divisionCode" label={t('cov.place')} rules={[{ required: true, pattern: /^[0-9]{12}$/ }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('cov.kind')}>
            <Select
              options={COUNCIL_KINDS.map((k) => ({
                value: k,
                label: pick(COUNCIL_KIND_LABELS[k].zh, COUNCIL_KIND_LABELS[k].en),
              }))}
            />
          </Form.Item>
          <Form.Item name="name" label={t('cov.name')} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!meetingFor}
        title={`${t('cov.convene')} · ${meetingFor?.name ?? ''}`}
        onOk={convene}
        onCancel={() => setMeetingFor(null)}
        destroyOnHidden
      >
        <Form form={meetingForm} layout="vertical">
          <MeetingFields />
        </Form>
      </Modal>
      <Modal open={!!termFor} title={t('cov.newTerm')} onOk={addTerm} onCancel={() => setTermFor(null)} destroyOnHidden>
        <Form form={termForm} layout="vertical">
          <Form.Item name="range" label={t('cov.term')} rules={[{ required: true }]}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="chair" label={t('cov.chair')} rules={[{ required: true }]}>
            <PersonPicker />
          </Form.Item>
          <Form.Item name="members" label={t('cov.memberList')}>
            <PersonPicker multiple />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
