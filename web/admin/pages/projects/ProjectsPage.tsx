/** 民生实事 board: projects under the officer's places with rolled-up progress and status; creating one. */
import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Progress, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { FUND_SOURCE_LABELS, FUND_SOURCES } from '../../../../src/server/modules/projects/projects.labels';
import { api } from '../../../shared/api';
import { useLoad } from '../../../shared/useLoad';
import { type Page, usePaged } from '../../../shared/usePaged';
import { DrillFilterBar, useDrillFilter } from '../../components/DrillFilters';
import { ErrorAlert } from '../../components/ErrorResult';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { money, type ProjectLine, type Representative, StatusTag, toFen, useLabel } from './shared';

interface Draft {
  placeCode: string;
  title: string;
  description?: string;
  budget: number;
  funds: { source: (typeof FUND_SOURCES)[number]; amount: number }[];
  startsOn: Dayjs;
  dueOn: Dayjs;
  milestones: { title: string; dueOn: Dayjs; weight?: number }[];
  supervisors?: string[];
}

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

function NewProject({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const say = useLabel();
  const [form] = Form.useForm<Draft>();
  const place = Form.useWatch('placeCode', form);
  const [error, setError] = useState<unknown>(null);
  const reps = useLoad(
    () =>
      /^[0-9]{12}$/.test(place ?? '')
        ? api.get<Representative[]>('/api/projects/representatives', { place })
        : Promise.resolve([]),
    [place],
  );
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const r = await api.post<{ id: string }>('/api/projects', {
        placeCode: v.placeCode,
        title: v.title,
        description: v.description,
        budgetFen: toFen(v.budget),
        funds: v.funds.map((f) => ({ source: f.source, amountFen: toFen(f.amount) })),
        startsOn: day(v.startsOn),
        dueOn: day(v.dueOn),
        milestones: v.milestones.map((m) => ({ title: m.title, dueOn: day(m.dueOn), weight: m.weight ?? 1 })),
        supervisors: v.supervisors ?? [],
      });
      onCreated(r.id);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Modal
      open
      width={720}
      title={t('pj.new')}
      onCancel={onClose}
      onOk={() => void submit()}
      okButtonProps={{ id: 'pj-submit' }}
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={{ funds: [{ source: 'county' }], milestones: [{}] }}>
        <Form.Item name="placeCode" label={t('pj.place')} rules={[{ required: true, pattern: /^[0-9]{6,12}$/ }]}>
          <Input maxLength={12} placeholder="421081107212" />
        </Form.Item>
        <Form.Item name="title" label={t('pj.title')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('pj.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="budget" label={t('pj.budget')} rules={[{ required: true }]}>
            <InputNumber min={0.01} precision={2} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="startsOn" label={t('pj.startsOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="dueOn" label={t('pj.dueOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item label={t('pj.funds')} required>
          <Form.List name="funds">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={[f.name, 'source']} rules={[{ required: true }]}>
                      <Select
                        style={{ width: 160 }}
                        options={FUND_SOURCES.map((s) => ({ value: s, label: say(FUND_SOURCE_LABELS[s]) }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'amount']} rules={[{ required: true }]}>
                      <InputNumber
                        min={0.01}
                        precision={2}
                        placeholder={t('pj.amount')}
                        style={{ width: 180 }}
                        data-testid="pj-fund-amount"
                      />
                    </Form.Item>
                    {fields.length > 1 && <Button onClick={() => remove(f.name)}>−</Button>}
                  </Space>
                ))}
                <Button onClick={() => add({ source: 'collective' })}>{t('pj.addFund')}</Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item label={t('pj.milestones')} required>
          <Form.List name="milestones">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={[f.name, 'title']} rules={[{ required: true, whitespace: true }]}>
                      <Input placeholder={t('pj.milestone')} maxLength={100} data-testid="pj-ms-title" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true }]}>
                      <DatePicker data-testid="pj-ms-due" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'weight']}>
                      <InputNumber min={1} max={100} placeholder={t('pj.weight')} />
                    </Form.Item>
                    {fields.length > 1 && <Button onClick={() => remove(f.name)}>−</Button>}
                  </Space>
                ))}
                <Button onClick={() => add({})} data-testid="pj-add-milestone">
                  {t('pj.addMilestone')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="supervisors" label={t('pj.supervisors')}>
          <Select
            mode="multiple"
            data-testid="pj-supervisors"
            loading={reps.loading}
            optionFilterProp="label"
            options={(reps.data ?? []).map((r) => ({ value: r.residentId, label: `${r.name}（${r.villageName}）` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ProjectsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const drill = useDrillFilter(); // ?scope=&from=&to=: a cockpit figure's projects (under way in the period)
  const projects = usePaged(
    (cursor) => api.get<Page<ProjectLine>>('/api/projects', { cursor, ...drill.filter }),
    [drill.key],
  );
  return (
    <>
      <PageTitle
        title={t('menu.projects')}
        hint={t('pj.hint')}
        extra={
          <Button type="primary" onClick={() => setCreating(true)} data-testid="pj-new">
            {t('pj.new')}
          </Button>
        }
      />
      <Card size="small">
        <DrillFilterBar filter={drill.filter} onChange={drill.update} />
        <ErrorAlert error={projects.error} onRetry={projects.reload} />
        <Table<ProjectLine>
          rowKey="id"
          size="small"
          loading={projects.loading}
          dataSource={projects.items}
          pagination={false}
          data-testid="pj-board"
          onRow={(p) => ({ onClick: () => navigate(`/projects/${p.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('pj.title'), dataIndex: 'title', ellipsis: true },
            { title: t('pj.placeName'), dataIndex: 'placeName', width: 140 },
            { title: t('pj.budget'), dataIndex: 'budgetFen', width: 140, align: 'right', render: money },
            { title: t('pj.dueOn'), dataIndex: 'dueOn', width: 110 },
            {
              title: t('pj.progress'),
              dataIndex: 'progress',
              width: 160,
              render: (n: number) => <Progress percent={n} size="small" />,
            },
            {
              title: t('pj.status'),
              dataIndex: 'status',
              width: 100,
              render: (s: ProjectLine['status']) => <StatusTag status={s} />,
            },
          ]}
        />
        <LoadMore paged={projects} />
      </Card>
      {creating && (
        <NewProject
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            navigate(`/projects/${id}`);
          }}
        />
      )}
    </>
  );
}
