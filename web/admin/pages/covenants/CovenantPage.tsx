/** One covenant: its versions (draft, in force, superseded, with dates and the resolution), a new draft, the diff of any two. */
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, errorMessage } from '../../../shared/api';
import {
  type Covenant,
  type Diff,
  VERSION_STATE_LABELS,
  type Version,
  type VersionSummary,
} from '../../../shared/covenants';
import { useLoad } from '../../../shared/useLoad';
import { ErrorAlert } from '../../components/ErrorResult';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { DiffView } from './DiffView';

export const STATE_COLORS = { draft: 'gold', in_force: 'green', superseded: 'default' } as const;

export function CovenantPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const covenant = useLoad(() => api.get<Covenant>(`/api/covenants/${id}`), [id]);
  const [drafting, setDrafting] = useState(false);
  const [label, setLabel] = useState('');
  const [pair, setPair] = useState<{ from?: string; to?: string }>({});
  const diff = useLoad(
    () =>
      pair.from && pair.to
        ? api.get<Diff>('/api/covenant-versions/diff', { from: pair.from, to: pair.to })
        : Promise.resolve(null),
    [pair.from, pair.to],
  );
  if (covenant.error) return <ErrorAlert error={covenant.error} />;
  const c = covenant.data;
  if (!c) return null;
  const draft = async () => {
    try {
      const v = await api.post<Version>(`/api/covenants/${c.id}/versions`, { label: label.trim() });
      navigate(`/covenant-versions/${v.id}`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const options = c.versions.map((v) => ({
    value: v.id,
    label: `${v.label}（${pick(VERSION_STATE_LABELS[v.state].zh, VERSION_STATE_LABELS[v.state].en)}）`,
  }));
  return (
    <>
      <PageTitle
        title={`${c.title} · ${c.divisionName}`}
        hint={t('cov.hint')}
        extra={
          c.actions.includes('draft') && (
            <Button type="primary" onClick={() => setDrafting(true)} data-testid="cov-new-draft">
              {t('cov.newDraft')}
            </Button>
          )
        }
      />
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={c.versions}
        onRow={(v) => ({ onClick: () => navigate(`/covenant-versions/${v.id}`), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('cov.label'),
            dataIndex: 'label',
            render: (v: string) => <span data-testid="cov-version">{v}</span>,
          },
          {
            title: t('cov.state'),
            dataIndex: 'state',
            render: (s: VersionSummary['state']) => (
              <Tag color={STATE_COLORS[s]}>{pick(VERSION_STATE_LABELS[s].zh, VERSION_STATE_LABELS[s].en)}</Tag>
            ),
          },
          { title: t('cov.articles'), dataIndex: 'articleCount' },
          { title: t('cov.adoptedOn'), dataIndex: 'adoptedOn' },
          { title: t('cov.supersededOn'), dataIndex: 'supersededOn' },
          { title: t('cov.matter'), dataIndex: 'matterTitle', render: (v: string | null, r) => v ?? r.adoptionNote },
        ]}
      />
      <Card size="small" title={t('cov.compare')} style={{ marginTop: 16 }}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            style={{ width: 260 }}
            placeholder={t('cov.from')}
            options={options}
            value={pair.from}
            onChange={(from) => setPair((p) => ({ ...p, from }))}
          />
          →
          <Select
            style={{ width: 260 }}
            placeholder={t('cov.to')}
            options={options}
            value={pair.to}
            onChange={(to) => setPair((p) => ({ ...p, to }))}
          />
        </Space>
        {diff.error ? <ErrorAlert error={diff.error} /> : diff.data && <DiffView diff={diff.data} />}
      </Card>
      <Modal open={drafting} title={t('cov.newDraft')} onOk={draft} onCancel={() => setDrafting(false)} destroyOnHidden>
        <Form layout="vertical">
          <Form.Item label={t('cov.label')} required>
            <Input
              value={label}
              onChange={(e) => setLabel(e.target.value)}
              placeholder="2027年修订"
              data-testid="cov-label"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
