/** 指标: case-loop indicators per grid, village, town, department or category for a period, ranked, with xlsx export. */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Segmented, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  COUNT_COLUMNS as COUNTS,
  DIMENSIONS,
  RATE_COLUMNS as RATES,
} from '../../../../src/server/modules/indicators/indicators.labels';
import type { IndicatorRow, IndicatorTable } from '../../../../src/server/modules/indicators/indicators.schema';
import { api, ApiError, errorMessage } from '../../../shared/api';
import { useLoad } from '../../../shared/useLoad';
import { DivisionPicker } from '../../components/DivisionPicker';
import { ErrorAlert } from '../../components/ErrorResult';
import { PageTitle } from '../../components/PageTitle';
import { scopeRoots } from '../../components/scope';
import { useDownload } from '../../components/useDownload';
import { type MessageKey, useI18n } from '../../i18n';
import { useSession, useSite } from '../../session';

/** What the table is ranked by: every count and rate. */
type Measure = IndicatorTable['sort'];

const pct = (v: number | null) => (v === null || v === undefined ? '—' : `${v.toFixed(1)}%`);
const DAY = 'YYYY-MM-DD';

export function IndicatorsPage() {
  const { t, pick } = useI18n();
  const { me } = useSession();
  const site = useSite();
  const roots = scopeRoots(me, site.county.code);
  const [dimension, setDimension] = useState<(typeof DIMENSIONS)[number]>(roots[0].length <= 6 ? 'town' : 'grid');
  const [scope, setScope] = useState<string | undefined>(undefined);
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('month'), dayjs().endOf('month')]);
  const [sort, setSort] = useState<Measure>('closureRate');
  const exporter = useDownload();
  const query = { dimension, scope, sort, from: range[0].format(DAY), to: range[1].add(1, 'day').format(DAY) };
  const table = useLoad(
    () => api.get<IndicatorTable>('/api/indicators', query),
    [dimension, scope, sort, query.from, query.to],
  );
  const missing = table.error instanceof ApiError && table.error.status === 404 && !scope;

  const runExport = () => exporter.download('/api/indicators/export.xlsx', query, `indicators-${dimension}.xlsx`);
  const presets = [
    { label: t('ind.thisMonth'), value: [dayjs().startOf('month'), dayjs().endOf('month')] as [Dayjs, Dayjs] },
    {
      label: t('ind.lastMonth'),
      value: [dayjs().subtract(1, 'month').startOf('month'), dayjs().subtract(1, 'month').endOf('month')] as [
        Dayjs,
        Dayjs,
      ],
    },
    { label: t('ind.thisYear'), value: [dayjs().startOf('year'), dayjs().endOf('year')] as [Dayjs, Dayjs] },
  ];
  const rows = table.data
    ? [...table.data.rows, { rank: null, key: '__total', name: t('ind.total'), ...table.data.total } as IndicatorRow]
    : [];
  const measureCol = (m: Measure, render: (v: number | null) => string | number) => ({
    title: t(`ind.${m}` as MessageKey),
    dataIndex: m,
    align: 'right' as const,
    width: m.endsWith('Rate') ? 100 : 80,
    render: (v: number | null) => <span className={m === sort ? 'cc-sorted' : undefined}>{render(v)}</span>,
  });

  return (
    <>
      <PageTitle
        title={t('menu.indicators')}
        hint={t('ind.hint')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            loading={exporter.busy}
            onClick={runExport}
            disabled={!table.data}
            data-testid="ind-export"
          >
            {t('ind.export')}
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap size={16}>
          <Space>
            <span>{t('ind.dimension')}</span>
            <Segmented
              value={dimension}
              onChange={(v) => setDimension(v as typeof dimension)}
              options={DIMENSIONS.map((d) => ({ value: d, label: t(`ind.dim.${d}`) }))}
              data-testid="ind-dimension"
            />
          </Space>
          <Space>
            <span>{t('ind.period')}</span>
            <DatePicker.RangePicker
              value={range}
              onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
              presets={presets}
              allowClear={false}
            />
          </Space>
          <Space>
            <span>{t('people.scope')}</span>
            <DivisionPicker rootCodes={roots} value={scope} onChange={(c) => setScope(c)} style={{ width: 220 }} />
          </Space>
          <Space>
            <span>{t('ind.sort')}</span>
            <Select
              value={sort}
              onChange={setSort}
              style={{ width: 170 }}
              options={[...RATES, ...COUNTS, 'avgHandlingHours' as const].map((m) => ({
                value: m,
                label: t(`ind.${m}`),
              }))}
            />
          </Space>
        </Space>
      </Card>
      {missing ? (
        <Alert type="warning" showIcon title={t('ind.unavailable', { msg: errorMessage(table.error) })} />
      ) : (
        <ErrorAlert error={table.error} onRetry={table.reload} />
      )}
      <Card
        size="small"
        title={table.data ? `${table.data.scopeName} · ${range[0].format(DAY)} — ${range[1].format(DAY)}` : ' '}
      >
        <Table<IndicatorRow>
          size="small"
          bordered
          rowKey={(r) => r.key ?? '__none'}
          loading={table.loading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1300 }}
          data-testid="ind-table"
          rowClassName={(r) => (r.key === '__total' ? 'cc-total-row' : '')}
          columns={[
            {
              title: t('ind.rank'),
              dataIndex: 'rank',
              width: 60,
              align: 'center',
              render: (r: number | null) => r ?? '',
            },
            {
              title: t('ind.name'),
              dataIndex: 'name',
              width: 200,
              fixed: 'left',
              render: (n: string | null, r) =>
                r.key === null ? (
                  <Typography.Text type="secondary">{t('ind.unassigned')}</Typography.Text>
                ) : (
                  <span data-key={r.key}>{pick(n ?? r.key ?? '', r.nameEn)}</span>
                ),
            },
            ...COUNTS.map((m) => measureCol(m, (v) => v ?? 0)),
            ...RATES.map((m) => measureCol(m, pct)),
            measureCol('avgHandlingHours', (v) => (v === null ? '—' : v.toFixed(1))),
          ]}
        />
      </Card>
    </>
  );
}
