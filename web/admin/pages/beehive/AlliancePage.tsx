/**
 * 服务联盟与分办: the 红新党建服务联盟's member organisations (county officers register and change
 * them; station keepers read) and the routing of 五帮 requests (kind → body, working days; the county
 * changes a row, the change applies to new requests).
 */
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Switch,
  Table,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { Member, MemberBody, Routes } from '../../../../src/server/modules/beehive/alliance.schema';
import {
  HELP_BODIES,
  HELP_BODY_LABELS,
  MEMBER_KIND_LABELS,
  MEMBER_KINDS,
  REQUEST_KIND_LABELS,
} from '../../../../src/server/modules/beehive/beehive.labels';
import { api, errorMessage } from '../../../shared/api';
import { useLoad } from '../../../shared/useLoad';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';

type Route = Routes['items'][number];
type Editing = Member | 'new' | null;

export function AlliancePage() {
  const { t } = useI18n();
  const { me } = useSession();
  const keeper = me.capabilities.includes('beehive.alliance');
  const members = useLoad(() => api.get<{ items: Member[] }>('/api/beehive/console/alliance'), []);
  const [editing, setEditing] = useState<Editing>(null);
  return (
    <>
      <PageTitle
        title={t('menu.bhAlliance')}
        hint={t('al.hint')}
        extra={
          keeper && (
            <Button type="primary" data-testid="al-new" onClick={() => setEditing('new')}>
              {t('al.newMember')}
            </Button>
          )
        }
      />
      <Card title={t('al.members')} size="small" style={{ marginBottom: 16 }}>
        <MembersTable items={members.data?.items ?? []} loading={members.loading} onEdit={keeper ? setEditing : null} />
      </Card>
      <RoutingCard keeper={keeper} />
      {editing && (
        <MemberForm
          member={editing === 'new' ? null : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) members.reload();
          }}
        />
      )}
    </>
  );
}

function MembersTable(props: { items: Member[]; loading: boolean; onEdit: ((m: Member) => void) | null }) {
  const { t, pick } = useI18n();
  return (
    <Table<Member>
      rowKey="id"
      size="small"
      pagination={false}
      loading={props.loading}
      dataSource={props.items}
      data-testid="al-members"
      columns={[
        {
          title: t('al.name'),
          dataIndex: 'name',
          render: (n: string, m) => (
            <>
              {n} {m.leftOn && <Tag>{t('al.left')}</Tag>}
            </>
          ),
        },
        {
          title: t('al.kind'),
          dataIndex: 'kind',
          render: (k: Member['kind']) => pick(MEMBER_KIND_LABELS[k].zh, MEMBER_KIND_LABELS[k].en),
        },
        { title: t('al.platform'), dataIndex: 'platformName', render: (v: string | null) => v ?? '—' },
        { title: t('al.workers'), dataIndex: 'workers', render: (v: number | null) => v ?? '—' },
        {
          title: t('al.answersShort'),
          dataIndex: 'answersRequests',
          render: (v: boolean) => (v ? <Tag color="green">✓</Tag> : '—'),
        },
        { title: t('al.joinedOn'), dataIndex: 'joinedOn' },
        { title: t('al.note'), dataIndex: 'note' },
        ...(props.onEdit
          ? [
              {
                title: '',
                key: 'edit',
                render: (_: unknown, m: Member) => (
                  <Button size="small" onClick={() => props.onEdit!(m)}>
                    {t('al.edit')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

interface MemberValues {
  name: string;
  kind: Member['kind'];
  platformName?: string;
  answersRequests?: boolean;
  joinedOn: dayjs.Dayjs;
  leftOn?: dayjs.Dayjs | null;
  note?: string;
}

function MemberForm(props: { member: Member | null; onClose: (saved: boolean) => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<MemberValues>();
  const [error, setError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form);
  const m = props.member;
  const save = async (v: MemberValues) => {
    const body: MemberBody = {
      name: v.name,
      kind: v.kind,
      platformName: v.kind === 'platform' ? (v.platformName ?? '') : null,
      answersRequests: v.kind === 'platform' && !!v.answersRequests,
      joinedOn: v.joinedOn.format('YYYY-MM-DD'),
      leftOn: v.leftOn ? v.leftOn.format('YYYY-MM-DD') : null,
      note: v.note ?? '',
    };
    try {
      if (m) await api.put(`/api/beehive/console/alliance/${m.id}`, body);
      else await api.post('/api/beehive/console/alliance', body);
      message.success(t('al.saved'));
      props.onClose(true);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Modal
      open
      title={m ? t('al.editMember') : t('al.newMember')}
      onOk={() => form.submit()}
      okText={t('al.save')}
      onCancel={() => props.onClose(false)}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form<MemberValues>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{
          name: m?.name,
          kind: m?.kind ?? 'platform',
          platformName: m?.platformName ?? undefined,
          answersRequests: m?.answersRequests ?? false,
          joinedOn: m ? dayjs(m.joinedOn) : dayjs(),
          leftOn: m?.leftOn ? dayjs(m.leftOn) : null,
          note: m?.note,
        }}
      >
        <Form.Item name="name" label={t('al.name')} rules={[{ required: true, max: 100 }]}>
          <Input data-testid="al-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('al.kind')} rules={[{ required: true }]}>
          <Select
            options={MEMBER_KINDS.map((k) => ({
              value: k,
              label: pick(MEMBER_KIND_LABELS[k].zh, MEMBER_KIND_LABELS[k].en),
            }))}
          />
        </Form.Item>
        {kind === 'platform' && (
          <>
            <Form.Item name="platformName" label={t('al.platformName')} rules={[{ required: true, max: 40 }]}>
              <Input data-testid="al-platform" />
            </Form.Item>
            <Form.Item name="answersRequests" label={t('al.answers')} valuePropName="checked">
              <Switch data-testid="al-answers" />
            </Form.Item>
          </>
        )}
        <Form.Item name="joinedOn" label={t('al.joinedOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="leftOn" label={t('al.leftOn')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="note" label={t('al.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RoutingCard(props: { keeper: boolean }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const routes = useLoad(() => api.get<Routes>('/api/beehive/console/routes'), []);
  const [draft, setDraft] = useState<Record<string, Pick<Route, 'body' | 'workingDays'>>>({});
  const edit = (r: Route, patch: Partial<Pick<Route, 'body' | 'workingDays'>>) =>
    setDraft((d) => ({ ...d, [r.kind]: { ...(d[r.kind] ?? { body: r.body, workingDays: r.workingDays }), ...patch } }));
  const save = async (r: Route) => {
    try {
      await api.put(`/api/beehive/console/routes/${r.kind}`, draft[r.kind]);
      message.success(t('al.saved'));
      setDraft(({ [r.kind]: _, ...rest }) => rest);
      routes.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Card title={t('al.routing')} size="small">
      <Alert type="info" message={t('al.routingHint')} style={{ marginBottom: 12 }} />
      <Table<Route>
        rowKey="kind"
        size="small"
        pagination={false}
        loading={routes.loading}
        dataSource={routes.data?.items ?? []}
        data-testid="al-routes"
        columns={[
          {
            title: t('al.kindOfRequest'),
            dataIndex: 'kind',
            render: (k: Route['kind']) => pick(REQUEST_KIND_LABELS[k].zh, REQUEST_KIND_LABELS[k].en),
          },
          {
            title: t('al.body'),
            dataIndex: 'body',
            render: (b: Route['body'], r) =>
              props.keeper ? (
                <Select
                  style={{ minWidth: 220 }}
                  aria-label={t('al.body')}
                  value={draft[r.kind]?.body ?? b}
                  onChange={(body) => edit(r, { body })}
                  options={HELP_BODIES.map((x) => ({
                    value: x,
                    label: pick(HELP_BODY_LABELS[x].zh, HELP_BODY_LABELS[x].en),
                  }))}
                />
              ) : (
                pick(HELP_BODY_LABELS[b].zh, HELP_BODY_LABELS[b].en)
              ),
          },
          {
            title: t('al.days'),
            dataIndex: 'workingDays',
            render: (n: number, r) =>
              props.keeper ? (
                <InputNumber
                  min={1}
                  max={60}
                  aria-label={t('al.days')}
                  value={draft[r.kind]?.workingDays ?? n}
                  onChange={(v) => v !== null && edit(r, { workingDays: v })}
                />
              ) : (
                n
              ),
          },
          {
            title: '',
            dataIndex: 'custom',
            render: (c: boolean, r) =>
              draft[r.kind] ? (
                <Button size="small" type="primary" data-testid={`al-save-${r.kind}`} onClick={() => save(r)}>
                  {t('al.save')}
                </Button>
              ) : (
                <Tag color={c ? 'blue' : undefined}>{c ? t('al.custom') : t('al.default')}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
