/** 双提升: people and mean progress of the education and ability plans, per town or village, drilling down. */
import { Button, Card, Table } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import { useLoad } from '../../../shared/useLoad';
import { ErrorAlert } from '../../components/ErrorResult';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { label, UPGRADE_LABELS, type UpgradeProgressResult } from './types';

type Row = UpgradeProgressResult['rows'][number];

export function UpgradesPage() {
  const { t, lang } = useI18n();
  const [trail, setTrail] = useState<string[]>([]);
  const scope = trail[trail.length - 1];
  const data = useLoad(() => api.get<UpgradeProgressResult>('/api/leaders/upgrades', { scope }), [scope]);
  const cols = (['education', 'ability'] as const).flatMap((k) => [
    {
      title: `${label(UPGRADE_LABELS[k], lang)} · ${t('ldr.people')}`,
      key: `${k}p`,
      render: (_: unknown, r: Row) => r[k].people,
    },
    {
      title: `${label(UPGRADE_LABELS[k], lang)} · ${t('ldr.mean')}`,
      key: `${k}m`,
      render: (_: unknown, r: Row) => `${r[k].mean}%`,
    },
  ]);
  return (
    <>
      <PageTitle title={t('menu.leadersUpgrades')} hint={t('ldr.upgradesHint')} />
      <Card size="small">
        {trail.length > 0 && (
          <Button size="small" style={{ marginBottom: 8 }} onClick={() => setTrail(trail.slice(0, -1))}>
            {t('ldr.up')}
          </Button>
        )}
        <ErrorAlert error={data.error} onRetry={data.reload} />
        <Table<Row>
          rowKey="code"
          size="small"
          loading={data.loading}
          pagination={false}
          dataSource={data.data?.rows ?? []}
          onRow={(r) => ({
            onClick: () => r.code.length < 12 && r.code !== scope && setTrail([...trail, r.code]),
            style: { cursor: 'pointer' },
          })}
          columns={[{ title: t('ldr.place'), dataIndex: 'name' }, ...cols]}
        />
        {data.data && (
          <p style={{ marginTop: 12 }}>
            {t('ldr.total')}：{label(UPGRADE_LABELS.education, lang)} {data.data.total.education.people} ·{' '}
            {data.data.total.education.mean}%；
            {label(UPGRADE_LABELS.ability, lang)} {data.data.total.ability.people} · {data.data.total.ability.mean}%
          </p>
        )}
      </Card>
    </>
  );
}
