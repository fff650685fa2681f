/** 走访率: visits due and made per grid in a month (counts only, no person). */
import { Card, DatePicker, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../../shared/api';
import { useLoad } from '../../../shared/useLoad';
import { DrillFilterBar, useDrillFilter } from '../../components/DrillFilters';
import { ErrorAlert } from '../../components/ErrorResult';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import type { RateTable } from './shared';

type Row = RateTable['rows'][number];
const pct = (v: number | null) => (v === null ? '—' : `${v}%`);

export function RatesPage() {
  const { t } = useI18n();
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  // A cockpit drill (?scope=&from=&to=) asks for its place and days; without days, the month picked.
  const drill = useDrillFilter();
  const { scope, from, to } = drill.filter;
  const byDays = Boolean(from && to);
  const rates = useLoad(
    () => api.get<RateTable>('/api/care/rates', byDays ? { scope, from, to } : { scope, month }),
    [month, drill.key],
  );
  const total = rates.data?.total;
  return (
    <>
      <PageTitle title={t('menu.careRates')} hint={t('care.ratesHint')} />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <DatePicker
            picker="month"
            allowClear={false}
            disabled={byDays}
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          />
          <DrillFilterBar filter={drill.filter} onChange={drill.update} />
        </Space>
        <ErrorAlert error={rates.error} onRetry={rates.reload} />
        <Table<Row>
          rowKey="gridCode"
          size="small"
          loading={rates.loading}
          dataSource={rates.data?.rows ?? []}
          pagination={false}
          columns={[
            { title: t('care.grid'), dataIndex: 'gridName' },
            { title: t('care.due'), dataIndex: 'due', width: 100, align: 'right' },
            { title: t('care.met'), dataIndex: 'met', width: 100, align: 'right' },
            { title: t('care.rate'), dataIndex: 'rate', width: 100, align: 'right', render: pct },
          ]}
          summary={() =>
            total && (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{t('care.total')}</Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {total.due}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {total.met}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {pct(total.rate)}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )
          }
        />
      </Card>
    </>
  );
}
