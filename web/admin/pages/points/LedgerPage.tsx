/** 积分台账: points per village (issued, deducted, reserved, redeemed), one person's ledger, and the xlsx export. */
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { entryKindLabel, type HistoryRow, type PersonReport, type PlaceReport, signed } from '../../../shared/points';
import { type Page, usePaged } from '../../../shared/usePaged';
import { ErrorAlert } from '../../components/ErrorResult';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useKnownPeople } from './ManualAwardModal';
import { LoadMore } from '../../components/LoadMore';
import { PointsTable } from './PointsTable';
import { useBusyAction } from './useBusyAction';

export function EntriesTable({ rows, loading }: { rows: readonly HistoryRow[]; loading?: boolean }) {
  const { t, lang } = useI18n();
  return (
    <PointsTable<HistoryRow>
      rowKey="entryId"
      loading={loading}
      dataSource={[...rows]}
      pageSize={false}
      columns={[
        { title: t('pts.entryAt'), dataIndex: 'at', width: 160, render: formatDateTime },
        {
          title: t('pts.entryKind'),
          dataIndex: 'kind',
          width: 120,
          render: (k: string) => <Tag>{entryKindLabel(k, lang)}</Tag>,
        },
        { title: t('pts.reason'), dataIndex: 'memo', ellipsis: true },
        {
          title: t('pts.entryAmount'),
          dataIndex: 'amount',
          width: 90,
          align: 'right',
          render: (n: number) => <Typography.Text type={n < 0 ? 'danger' : 'success'}>{signed(n)}</Typography.Text>,
        },
        { title: t('pts.expiresAt'), dataIndex: 'expiresAt', width: 160, render: formatDateTime },
      ]}
    />
  );
}

function PersonLedger() {
  const { t } = useI18n();
  const people = useKnownPeople(true);
  const [userId, setUserId] = useState<string>();
  const [summary, setSummary] = useState<Omit<PersonReport, 'entries'>>();
  // the summary comes with every page of entries; the entries accumulate
  const entries = usePaged(
    async (cursor): Promise<Page<HistoryRow>> => {
      if (!cursor) setSummary(undefined);
      if (!userId) return { items: [], next: null, more: false };
      const { entries: page, ...rest } = await api.get<PersonReport>(`/api/points/console/reports/people/${userId}`, {
        cursor,
      });
      setSummary(rest);
      return page;
    },
    [userId],
  );
  const report = { data: summary, error: entries.error, reload: entries.reload };
  return (
    <>
      <Select
        showSearch
        optionFilterProp="label"
        placeholder={t('pts.pickPerson')}
        style={{ width: 320, marginBottom: 12 }}
        value={userId}
        onChange={setUserId}
        loading={people.loading}
        options={(people.data ?? []).map((p) => ({ value: p.userId, label: p.name }))}
        data-testid="pts-person-select"
      />
      <ErrorAlert error={report.error} onRetry={report.reload} />
      {report.data && (
        <>
          <Descriptions size="small" bordered column={3} style={{ marginBottom: 12 }} data-testid="pts-person-summary">
            <Descriptions.Item label={t('pts.person')}>{report.data.displayName}</Descriptions.Item>
            <Descriptions.Item label={t('pts.balance')}>
              <Typography.Text strong>{report.data.balance}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('pts.pending')}>
              {report.data.pending}
              {report.data.pendingDeductions ? ` / −${report.data.pendingDeductions}` : ''}
            </Descriptions.Item>
          </Descriptions>
          <EntriesTable rows={entries.items} loading={entries.loading} />
          <LoadMore paged={entries} />
        </>
      )}
    </>
  );
}

export function LedgerPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, run] = useBusyAction();
  const places = usePaged((cursor) => api.get<Page<PlaceReport>>('/api/points/console/reports/places', { cursor }), []);
  const exportXlsx = async () => {
    await run(async () => {
      await api.download('/api/points/console/reports/export.xlsx', {}, 'points-ledger.xlsx');
      message.success(t('pts.exported'));
    });
  };
  return (
    <>
      <PageTitle
        title={t('menu.pointsLedger')}
        hint={t('pts.ledgerHint')}
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} loading={busy} onClick={exportXlsx} data-testid="pts-export">
              {t('pts.export')}
            </Button>
            <Button icon={<ReloadOutlined />} onClick={places.reload}>
              {t('action.refresh')}
            </Button>
          </Space>
        }
      />
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'places',
              label: t('pts.places'),
              children: (
                <>
                  <ErrorAlert error={places.error} onRetry={places.reload} />
                  <PointsTable<PlaceReport>
                    rowKey="divisionCode"
                    loading={places.loading}
                    dataSource={places.items}
                    pageSize={false}
                    data-testid="pts-places-table"
                    columns={[
                      {
                        title: t('pts.place'),
                        dataIndex: 'name',
                        render: (n: string, r) => (
                          <span>
                            {n}{' '}
                            <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                              {r.divisionCode}
                            </Typography.Text>
                          </span>
                        ),
                      },
                      { title: t('pts.issued'), dataIndex: 'issued', width: 110, align: 'right' },
                      { title: t('pts.deducted'), dataIndex: 'deducted', width: 110, align: 'right' },
                      { title: t('pts.reserved'), dataIndex: 'reserved', width: 120, align: 'right' },
                      { title: t('pts.redeemed'), dataIndex: 'redeemed', width: 110, align: 'right' },
                    ]}
                  />
                  <LoadMore paged={places} />
                </>
              ),
            },
            { key: 'people', label: t('pts.people'), children: <PersonLedger /> },
          ]}
        />
      </Card>
    </>
  );
}
