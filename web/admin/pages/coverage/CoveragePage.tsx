/** 覆盖率: households served by linked party members, county → town → village → grid, with the uncovered list. */
import { Breadcrumb, Card, Col, Progress, Row, Statistic, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../shared/api';
import { kindLabel } from '../../../shared/divisions';
import type { Coverage, CoverageChild } from '../../../shared/people';
import { useLoad } from '../../../shared/useLoad';
import { ErrorAlert } from '../../components/ErrorResult';
import { ExportButtons } from '../../components/ExportButtons';
import { PageTitle } from '../../components/PageTitle';
import { scopeRoots } from '../../components/scope';
import { useI18n } from '../../i18n';
import { useSession, useSite } from '../../session';
import { UncoveredList } from './UncoveredList';

type Crumb = { code: string; name: string };

export function PercentBar({ percent }: { percent: number | null }) {
  const { t } = useI18n();
  if (percent === null) return <Typography.Text type="secondary">{t('coverage.noHouseholds')}</Typography.Text>;
  const status = percent >= 95 ? 'success' : percent >= 80 ? 'normal' : 'exception';
  return (
    <Progress
      percent={percent}
      size="small"
      status={status}
      format={(p) => `${p?.toFixed(1)}%`}
      style={{ minWidth: 160, margin: 0 }}
    />
  );
}

export function CoveragePage() {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const site = useSite();
  const root = scopeRoots(me, site.county.code)[0];
  const [trail, setTrail] = useState<Crumb[]>([{ code: root, name: '' }]);
  const code = trail[trail.length - 1].code;
  const report = useLoad(() => api.get<Coverage>(`/api/coverage/${code}`), [code]);
  const data = report.data;
  useEffect(() => {
    if (data) setTrail((prev) => prev.map((c) => (c.code === data.code && !c.name ? { ...c, name: data.name } : c)));
  }, [data]);
  const drill = (c: CoverageChild) => setTrail((prev) => [...prev, { code: c.code, name: c.name }]);
  const goTo = (i: number) => setTrail((prev) => prev.slice(0, i + 1));

  return (
    <>
      <PageTitle title={t('menu.coverage')} hint={t('coverage.hint')} extra={<ExportButtons scope={code} />} />
      <Breadcrumb
        style={{ marginBottom: 12 }}
        data-testid="coverage-crumbs"
        items={trail.map((c, i) => ({
          key: c.code,
          title:
            i === trail.length - 1 ? (
              <span>{c.name || c.code}</span>
            ) : (
              <a onClick={() => goTo(i)}>{c.name || c.code}</a>
            ),
        }))}
      />
      <ErrorAlert error={report.error} onRetry={report.reload} />
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('coverage.households')} value={data?.households ?? '—'} loading={report.loading} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('coverage.residents')} value={data?.residents ?? '—'} loading={report.loading} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('coverage.uncovered')}
              value={data?.uncovered ?? '—'}
              loading={report.loading}
              styles={{ content: { color: data?.uncovered ? '#cf1322' : undefined } }}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('coverage.percent')}
              value={data?.percent ?? '—'}
              suffix={data?.percent !== null && data ? '%' : ''}
              precision={1}
              loading={report.loading}
            />
          </Card>
        </Col>
      </Row>
      {(data?.children.length ?? 0) > 0 && (
        <Card
          size="small"
          title={t('coverage.children')}
          extra={<Typography.Text type="secondary">{t('coverage.drill')}</Typography.Text>}
          style={{ marginBottom: 12 }}
        >
          <Table
            size="small"
            bordered
            rowKey="code"
            loading={report.loading}
            dataSource={data?.children ?? []}
            pagination={{ pageSize: 50, size: 'small', hideOnSinglePage: true }}
            data-testid="coverage-table"
            onRow={(c) => ({ onClick: () => drill(c), style: { cursor: 'pointer' } })}
            columns={[
              {
                title: t('col.name'),
                dataIndex: 'name',
                render: (n: string, c) => (
                  <span data-code={c.code}>
                    <Typography.Link>{n}</Typography.Link>{' '}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {c.kind === 'grid' ? t('people.grid') : kindLabel(c.kind, lang)}
                    </Typography.Text>
                  </span>
                ),
              },
              {
                title: t('coverage.households'),
                dataIndex: 'households',
                align: 'right',
                width: 90,
                sorter: (a, b) => a.households - b.households,
              },
              { title: t('coverage.residents'), dataIndex: 'residents', align: 'right', width: 90 },
              { title: t('coverage.covered'), dataIndex: 'covered', align: 'right', width: 90 },
              {
                title: t('coverage.uncovered'),
                dataIndex: 'uncovered',
                align: 'right',
                width: 90,
                sorter: (a, b) => a.uncovered - b.uncovered,
              },
              {
                title: t('coverage.percent'),
                dataIndex: 'percent',
                width: 240,
                render: (p: number | null) => <PercentBar percent={p} />,
                sorter: (a, b) => (a.percent ?? -1) - (b.percent ?? -1),
              },
            ]}
          />
        </Card>
      )}
      {data && <UncoveredList code={code} total={data.uncovered} households={data.households} />}
    </>
  );
}
