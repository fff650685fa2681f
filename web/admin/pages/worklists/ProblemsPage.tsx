/** 三个清单: the problems of the actor's places, newest first, with counts per village and "七个一" results. */
import { Button, Card, Form, Input, Modal, Segmented, Select, Statistic, Space, Table } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { PROBLEM_STATES, RESULT_KINDS } from '../../../../src/server/modules/worklists/worklists.labels';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useLoad } from '../../../shared/useLoad';
import { type Page, usePaged } from '../../../shared/usePaged';
import { DrillFilterBar, useDrillFilter } from '../../components/DrillFilters';
import { ErrorAlert } from '../../components/ErrorResult';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import {
  type Problem,
  RESULT_KIND_LABELS,
  SOURCE_LABELS,
  STATE_LABELS,
  StateTag,
  type Summary,
  useLabel,
} from './shared';

export function ProblemsPage() {
  const { t } = useI18n();
  const say = useLabel();
  const navigate = useNavigate();
  const drill = useDrillFilter(); // ?scope=&from=&to=: a cockpit figure's problems (every state)
  const [state, setState] = useState<Problem['state'] | 'all'>(drill.key === '{}' ? 'open' : 'all');
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{
    villageCode: string;
    title: string;
    description: string;
    source: 'meeting' | 'proposal' | 'manual';
  }>();
  const problems = usePaged(
    (cursor) =>
      api.get<Page<Problem>>('/api/worklists/problems', {
        state: state === 'all' ? undefined : state,
        cursor,
        ...drill.filter,
      }),
    [state, drill.key],
  );
  const summary = useLoad(() => api.get<Summary>('/api/worklists/summary', { by: 'village' }), []);
  const total = summary.data?.total;
  const create = async () => {
    const v = await form.validateFields();
    const r = await api.post<{ id: string }>('/api/worklists/problems', v);
    setCreating(false);
    navigate(`/worklists/${r.id}`);
  };
  return (
    <>
      <PageTitle
        title={t('menu.worklists')}
        hint={t('wl.hint')}
        extra={
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('wl.new')}
          </Button>
        }
      />
      {total && (
        <Card size="small" style={{ marginBottom: 16 }} title={t('wl.counts')}>
          <Space size="large" wrap>
            <Statistic title={t('wl.problems')} value={total.problems} />
            <Statistic title={t('wl.open')} value={total.open} />
            <Statistic title={t('wl.closed')} value={total.closed} />
            <Statistic title={t('wl.tasksLate')} value={total.tasksLate} />
            <Statistic title={t('wl.confirmed')} value={total.confirmed} />
            {RESULT_KINDS.map((k) => (
              <Statistic key={k} title={say(RESULT_KIND_LABELS[k])} value={total.results[k] ?? 0} />
            ))}
          </Space>
        </Card>
      )}
      <Card size="small">
        <DrillFilterBar filter={drill.filter} onChange={drill.update} />
        <br />
        <Segmented
          style={{ margin: '12px 0' }}
          value={state}
          onChange={(v) => setState(v as typeof state)}
          options={[
            ...PROBLEM_STATES.map((s) => ({ value: s, label: say(STATE_LABELS[s]) })),
            { value: 'all', label: t('wl.all') },
          ]}
        />
        <ErrorAlert error={problems.error} onRetry={problems.reload} />
        <Table<Problem>
          rowKey="id"
          size="small"
          loading={problems.loading}
          dataSource={problems.items}
          pagination={false}
          data-testid="wl-problems"
          onRow={(p) => ({ onClick: () => navigate(`/worklists/${p.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('wl.title'), dataIndex: 'title', ellipsis: true },
            { title: t('wl.village'), dataIndex: 'villageName', width: 140 },
            {
              title: t('wl.source'),
              dataIndex: 'source',
              width: 110,
              render: (s: Problem['source']) => say(SOURCE_LABELS[s]),
            },
            { title: t('wl.subject'), dataIndex: 'subject', width: 90 },
            {
              title: t('wl.tasks'),
              key: 'tasks',
              width: 80,
              render: (_: unknown, p) => `${p.tasksTotal - p.tasksOpen}/${p.tasksTotal}`,
            },
            {
              title: t('wl.state'),
              dataIndex: 'state',
              width: 110,
              render: (s: Problem['state']) => <StateTag state={s} />,
            },
            { title: t('wl.createdAt'), dataIndex: 'createdAt', width: 160, render: formatDateTime },
          ]}
        />
        <LoadMore paged={problems} />
      </Card>
      <Modal open={creating} title={t('wl.new')} onCancel={() => setCreating(false)} onOk={() => void create()}>
        <Form form={form} layout="vertical" initialValues={{ source: 'manual' }}>
          <Form.Item name="villageCode" label={t('wl.village')} rules={[{ required: true, pattern: /^[0-9]{12}$/ }]}>
            <Input maxLength={12} placeholder="421081107212" />
          </Form.Item>
          <Form.Item name="source" label={t('wl.source')}>
            <Select
              options={(['meeting', 'proposal', 'manual'] as const).map((s) => ({
                value: s,
                label: say(SOURCE_LABELS[s]),
              }))}
            />
          </Form.Item>
          <Form.Item name="title" label={t('wl.title')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="description" label={t('wl.description')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
