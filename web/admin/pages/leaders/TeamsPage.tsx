/** 两委班子与六支队伍: counts per town (of the county) or village (of a town), drilling down to a village's people. */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Table } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import { useLoad } from '../../../shared/useLoad';
import { ErrorAlert } from '../../components/ErrorResult';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { PeopleTable } from './PeopleTable';
import { label, TEAM_LABELS, type TeamCountsResult, TEAMS } from './types';

type Row = TeamCountsResult['rows'][number];

export function TeamsPage() {
  const { t, lang } = useI18n();
  const [trail, setTrail] = useState<string[]>([]);
  const scope = trail[trail.length - 1];
  const village = scope?.length === 12 ? scope : undefined;
  const counts = useLoad(() => api.get<TeamCountsResult>('/api/leaders/teams', { scope }), [scope]);
  return (
    <>
      <PageTitle
        title={t('menu.leadersTeams')}
        hint={t('ldr.teamsHint')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void api.download('/api/leaders/people/export.xlsx', { scope }, 'leaders-teams.xlsx')}
          >
            {t('ldr.exportTeams')}
          </Button>
        }
      />
      <Alert type="info" showIcon message={t('ldr.sensitive')} style={{ marginBottom: 12 }} />
      <Card size="small" style={{ marginBottom: 16 }}>
        {trail.length > 0 && (
          <Button size="small" style={{ marginBottom: 8 }} onClick={() => setTrail(trail.slice(0, -1))}>
            {t('ldr.up')}
          </Button>
        )}
        <ErrorAlert error={counts.error} onRetry={counts.reload} />
        <Table<Row>
          rowKey="code"
          size="small"
          data-testid="leaders-counts"
          loading={counts.loading}
          pagination={false}
          dataSource={counts.data?.rows ?? []}
          onRow={(r) => ({
            onClick: () => r.code !== scope && setTrail([...trail, r.code]),
            style: { cursor: 'pointer' },
          })}
          columns={[
            { title: t('ldr.place'), dataIndex: 'name' },
            ...TEAMS.map((k) => ({
              title: label(TEAM_LABELS[k], lang),
              key: k,
              render: (_: unknown, r: Row) => r.counts[k],
            })),
          ]}
          summary={() =>
            counts.data ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{t('ldr.total')}</Table.Summary.Cell>
                {TEAMS.map((k, i) => (
                  <Table.Summary.Cell key={k} index={i + 1}>
                    {counts.data?.total[k]}
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
      {village && (
        <Card size="small">
          <PeopleTable scope={village} />
        </Card>
      )}
    </>
  );
}
