/** 啄木鸟志愿者: applications to approve or decline (with a reason), and the roster (台账) with its xlsx. */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Modal, Segmented, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import type { Static } from 'typebox';
import {
  APPLICATION_STATE_LABELS,
  APPLICATION_STATES,
  type ApplicationState,
} from '../../../../src/server/modules/woodpeckers/woodpeckers.labels';
import type * as S from '../../../../src/server/modules/woodpeckers/woodpeckers.schema';
import { api, errorMessage } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { type Page, usePaged } from '../../../shared/usePaged';
import { DrillFilterBar, useDrillFilter } from '../../components/DrillFilters';
import { ErrorAlert } from '../../components/ErrorResult';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';

type Application = Static<typeof S.Application>;
type RosterLine = Static<typeof S.RosterLine>;
const STATE_COLOURS: Record<ApplicationState, string> = { pending: 'gold', approved: 'green', declined: 'default' };

function Applications() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { can } = useSession();
  const [state, setState] = useState<ApplicationState | 'all'>('pending');
  const [declining, setDeclining] = useState<Application | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const list = usePaged(
    (cursor) =>
      api.get<Page<Application>>('/api/woodpeckers/applications', {
        state: state === 'all' ? undefined : state,
        cursor,
      }),
    [state],
  );
  const decide = async (a: Application, decision: 'approve' | 'decline', why?: string) => {
    setBusy(true);
    try {
      await api.post(`/api/woodpeckers/applications/${a.id}/decision`, { decision, reason: why });
      message.success(t(decision === 'approve' ? 'wp.approved' : 'wp.declined'));
      setDeclining(null);
      setReason('');
      list.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const say = (s: ApplicationState) => APPLICATION_STATE_LABELS[s][lang === 'en' ? 'en' : 'zh'];
  return (
    <>
      <Segmented
        value={state}
        onChange={(v) => setState(v as ApplicationState | 'all')}
        options={[
          ...APPLICATION_STATES.map((s) => ({ value: s, label: say(s) })),
          { value: 'all', label: t('wp.all') },
        ]}
        style={{ marginBottom: 12 }}
      />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<Application>
        rowKey="id"
        size="small"
        data-testid="wp-applications"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        columns={[
          { title: t('wp.village'), dataIndex: 'villageName', width: 150 },
          { title: t('wp.applicant'), dataIndex: 'applicantName', width: 110 },
          { title: t('wp.phone'), dataIndex: 'phoneMasked', width: 120 },
          { title: t('wp.statement'), dataIndex: 'statement', ellipsis: true },
          { title: t('wp.appliedAt'), dataIndex: 'appliedAt', width: 150, render: formatDateTime },
          {
            title: t('wp.state'),
            dataIndex: 'state',
            width: 220,
            render: (s: ApplicationState, a) => (
              <>
                <Tag color={STATE_COLOURS[s]}>{say(s)}</Tag>
                {a.decidedAt && t('wp.decided', { who: a.deciderName ?? '', when: formatDateTime(a.decidedAt) })}
                {a.reason && <div>{a.reason}</div>}
              </>
            ),
          },
          {
            title: t('wp.decision'),
            key: 'decision',
            width: 170,
            render: (_: unknown, a) =>
              a.state === 'pending' && can('woodpeckers.decide') ? (
                <Space>
                  <Button
                    type="primary"
                    size="small"
                    loading={busy}
                    data-testid={`wp-approve-${a.id}`}
                    onClick={() => void decide(a, 'approve')}
                  >
                    {t('wp.approve')}
                  </Button>
                  <Button size="small" onClick={() => setDeclining(a)}>
                    {t('wp.decline')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <LoadMore paged={list} />
      <Modal
        open={declining !== null}
        title={`${t('wp.decline')}：${declining?.applicantName ?? ''}`}
        okText={t('wp.decline')}
        confirmLoading={busy}
        onCancel={() => setDeclining(null)}
        onOk={() => {
          if (!reason.trim()) return void message.warning(t('wp.reasonRequired'));
          if (declining) void decide(declining, 'decline', reason.trim());
        }}
      >
        <Input.TextArea
          aria-label={t('wp.reason')}
          placeholder={t('wp.reason')}
          value={reason}
          maxLength={500}
          rows={3}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}

function Roster() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const drill = useDrillFilter(); // ?scope=: a cockpit figure's volunteers (the roster has no period)
  const scope = drill.filter.scope;
  const roster = usePaged((cursor) => api.get<Page<RosterLine>>('/api/woodpeckers/roster', { cursor, scope }), [scope]);
  return (
    <>
      <DrillFilterBar filter={{ scope }} onChange={(p) => drill.update({ scope: p.scope })} period={false} />
      <Button
        icon={<DownloadOutlined />}
        style={{ margin: '0 0 12px 8px' }}
        onClick={() =>
          api
            .download('/api/woodpeckers/roster/export.xlsx', { scope }, 'woodpecker-roster.xlsx')
            .catch((e) => message.error(errorMessage(e)))
        }
      >
        {t('wp.export')}
      </Button>
      <ErrorAlert error={roster.error} onRetry={roster.reload} />
      <Table<RosterLine>
        rowKey={(r) => `${r.userId}-${r.villageCode}`}
        size="small"
        data-testid="wp-roster"
        loading={roster.loading}
        dataSource={roster.items}
        pagination={false}
        columns={[
          { title: t('wp.village'), dataIndex: 'villageName', width: 150 },
          { title: t('wp.name'), dataIndex: 'name', width: 110 },
          { title: t('wp.phone'), dataIndex: 'phoneMasked', width: 120 },
          { title: t('wp.since'), dataIndex: 'since', width: 150, render: formatDateTime },
          {
            title: t('wp.source'),
            dataIndex: 'viaApplication',
            width: 100,
            render: (v: boolean) => t(v ? 'wp.viaApplication' : 'wp.granted'),
          },
          { title: t('wp.statement'), dataIndex: 'statement', ellipsis: true },
        ]}
      />
      <LoadMore paged={roster} />
    </>
  );
}

export function WoodpeckersPage() {
  const { t } = useI18n();
  const drill = useDrillFilter(); // a drill (?scope=) opens the roster
  return (
    <>
      <PageTitle title={t('menu.woodpeckers')} hint={t('wp.hint')} />
      <Card size="small">
        <Tabs
          defaultActiveKey={drill.filter.scope ? 'roster' : 'applications'}
          items={[
            { key: 'applications', label: t('wp.applications'), children: <Applications /> },
            { key: 'roster', label: t('wp.roster'), children: <Roster /> },
          ]}
        />
      </Card>
    </>
  );
}
