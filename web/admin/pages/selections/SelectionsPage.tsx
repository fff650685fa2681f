/** 评选管理: the selections of my places, newest first; staff running a place create one. */
import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import type { StaffRow } from '../../../shared/types';
import { type Page, usePaged } from '../../../shared/usePaged';
import { ErrorAlert } from '../../components/ErrorResult';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import {
  KIND_LABELS,
  label,
  PHASE_LABELS,
  SELECTION_KINDS,
  type SelectionSummaryView,
  type SelectionView,
} from './types';

export function SelectionsPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { can } = useSession();
  const [creating, setCreating] = useState(false);
  const list = usePaged((cursor) => api.get<Page<SelectionSummaryView>>('/api/selections/console', { cursor }), []);
  return (
    <>
      <PageTitle
        title={t('menu.selections')}
        hint={t('sel.hint')}
        extra={
          can('selections.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="sel-create">
              {t('sel.create')}
            </Button>
          )
        }
      />
      <Card size="small">
        <ErrorAlert error={list.error} onRetry={list.reload} />
        <Table<SelectionSummaryView>
          rowKey="id"
          size="small"
          loading={list.loading}
          dataSource={list.items}
          pagination={false}
          data-testid="sel-table"
          onRow={(s) => ({ onClick: () => navigate(`/selections/${s.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('sel.title'), dataIndex: 'title' },
            { title: t('sel.kind'), key: 'kind', render: (_, s) => label(KIND_LABELS[s.kind], lang) },
            { title: t('sel.place'), dataIndex: 'divisionName' },
            { title: t('sel.quota'), dataIndex: 'quota', width: 70 },
            {
              title: t('sel.phase'),
              key: 'phase',
              render: (_, s) => <Tag color="blue">{label(PHASE_LABELS[s.phase], lang)}</Tag>,
            },
            { title: t('sel.votingEnds'), key: 'end', render: (_, s) => formatDateTime(s.votingEndsAt) },
          ]}
        />
        <LoadMore paged={list} />
      </Card>
      {creating && <CreateModal onClose={() => setCreating(false)} onCreated={(id) => navigate(`/selections/${id}`)} />}
    </>
  );
}

interface FormValues {
  kind: (typeof SELECTION_KINDS)[number];
  title: string;
  divisionCode: string;
  quota: number;
  panelWeight: number;
  endorsementsRequired: number;
  partyMemberRequired: boolean;
  trimmedMean: boolean;
  criteria: { name: string; weight: number; minScore: number; maxScore: number }[];
  panel: string[];
  nominationEndsAt: dayjs.Dayjs;
  votingStartsAt: dayjs.Dayjs;
  votingEndsAt: dayjs.Dayjs;
  publicityDays: number;
}

function CreateModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { me } = useSession();
  const scope = me.grants[0]?.scopeCode ?? '';
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const staff = usePaged((cursor) => api.get<Page<StaffRow>>('/api/staff', { scope, cursor, limit: 200 }), [scope]);
  const people = [...new Map(staff.items.map((s) => [s.userId, s])).values()];
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const created = await api.post<SelectionView>('/api/selections', {
        ...v,
        nominationEndsAt: v.nominationEndsAt.toISOString(),
        votingStartsAt: v.votingStartsAt.toISOString(),
        votingEndsAt: v.votingEndsAt.toISOString(),
      });
      message.success(t('sel.done'));
      onCreated(created.id);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('sel.create')} onCancel={onClose} onOk={submit} confirmLoading={busy} width={720}>
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{
          kind: 'outstanding_cocreator',
          divisionCode: scope,
          quota: 10,
          panelWeight: 60,
          endorsementsRequired: 5,
          partyMemberRequired: false,
          trimmedMean: false,
          publicityDays: 5,
          criteria: [
            { name: '群众口碑', weight: 50, minScore: 0, maxScore: 10 },
            { name: '工作实绩', weight: 50, minScore: 0, maxScore: 10 },
          ],
          nominationEndsAt: dayjs().add(7, 'day'),
          votingStartsAt: dayjs().add(14, 'day'),
          votingEndsAt: dayjs().add(21, 'day'),
          panel: [],
        }}
      >
        <Space wrap>
          <Form.Item name="kind" label={t('sel.kind')} rules={[{ required: true }]}>
            <Select
              style={{ width: 220 }}
              options={SELECTION_KINDS.map((k) => ({ value: k, label: label(KIND_LABELS[k], lang) }))}
            />
          </Form.Item>
          <Form.Item name="title" label={t('sel.title')} rules={[{ required: true, max: 200 }]}>
            <Input style={{ width: 380 }} />
          </Form.Item>
          <Form.Item name="divisionCode" label={t('sel.place')} rules={[{ required: true, pattern: /^[0-9]{6,15}$/ }]}>
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="quota" label={t('sel.quota')}>
            <InputNumber min={1} max={1000} />
          </Form.Item>
          <Form.Item name="panelWeight" label={t('sel.panelWeight')}>
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Form.Item name="endorsementsRequired" label={t('sel.endorsements')}>
            <InputNumber min={1} max={100} />
          </Form.Item>
          <Form.Item name="publicityDays" label={t('sel.publicityDays')}>
            <InputNumber min={0} max={30} />
          </Form.Item>
          <Form.Item name="partyMemberRequired" valuePropName="checked">
            <Checkbox>{t('sel.partyOnly')}</Checkbox>
          </Form.Item>
          <Form.Item name="trimmedMean" valuePropName="checked">
            <Checkbox>{t('sel.trimmed')}</Checkbox>
          </Form.Item>
        </Space>
        <Form.List name="criteria">
          {(fields, { add, remove }) => (
            <Card size="small" title={t('sel.criteria')} style={{ marginBottom: 12 }}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                    <Input placeholder={t('sel.criterion')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'weight']}>
                    <InputNumber min={1} max={100} addonBefore={t('sel.weight')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'minScore']}>
                    <InputNumber min={0} addonBefore={t('sel.min')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'maxScore']}>
                    <InputNumber min={1} addonBefore={t('sel.max')} />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>−</Button>
                </Space>
              ))}
              <Button onClick={() => add({ name: '', weight: 10, minScore: 0, maxScore: 10 })}>
                {t('sel.addCriterion')}
              </Button>
            </Card>
          )}
        </Form.List>
        <Form.Item name="panel" label={t('menu.selectionsPanel')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            loading={staff.loading}
            options={people.map((p) => ({ value: p.userId, label: `${p.displayName}（${p.scopeName}）` }))}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="nominationEndsAt" label={t('sel.nominationEnds')} rules={[{ required: true }]}>
            <DatePicker showTime />
          </Form.Item>
          <Form.Item name="votingStartsAt" label={t('sel.votingStarts')} rules={[{ required: true }]}>
            <DatePicker showTime />
          </Form.Item>
          <Form.Item name="votingEndsAt" label={t('sel.votingEnds')} rules={[{ required: true }]}>
            <DatePicker showTime />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
