/** 全部案件: every case the staff member may read, filtered from the URL, a page at a time, exported as xlsx. */
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Tooltip } from 'antd';
import { api } from '../../../shared/api';
import type { CaseRow } from '../../../shared/cases';
import { type Page, usePaged } from '../../../shared/usePaged';
import { ErrorAlert } from '../../components/ErrorResult';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useDownload } from '../../components/useDownload';
import { useI18n } from '../../i18n';
import { CaseActions } from './CaseActions';
import { CaseFilters } from './CaseFilters';
import { CaseTable } from './CaseTable';
import { useListFilters } from './list-filters';
import { RuleTraceList } from './QueuePages';

/** Rows per page (`limit` in the URL; the server allows up to 200). */
const PAGE_SIZES = [10, 20, 50, 100, 200];

export function AllCasesPage() {
  const { t } = useI18n();
  const { filters, key, update, clear, params } = useListFilters();
  const exporter = useDownload();
  const size = PAGE_SIZES.find((n) => String(n) === params.get('limit')) ?? 50;
  const cases = usePaged(
    (cursor) => api.get<Page<CaseRow>>('/api/cases', { queue: 'all', ...filters, limit: size, cursor }),
    [key, size],
  );
  const runExport = () => exporter.download('/api/cases/export.xlsx', filters, 'cases.xlsx');
  return (
    <>
      <PageTitle
        title={t('menu.allCases')}
        hint={t('allCases.hint')}
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={cases.reload}>
              {t('action.refresh')}
            </Button>
            <Tooltip title={t('list.exportHint')}>
              <Button
                icon={<DownloadOutlined />}
                loading={exporter.busy}
                onClick={runExport}
                data-testid="cases-export"
              >
                {t('list.export')}
              </Button>
            </Tooltip>
          </Space>
        }
      />
      <Card size="small">
        <CaseFilters filters={filters} onChange={update} onClear={clear} />
        <ErrorAlert error={cases.error} onRetry={cases.reload} />
        <CaseTable
          rows={cases.items}
          loading={cases.loading}
          testId="all-cases-table"
          expand={(c) => <RuleTraceList c={c} />}
          actions={(c) => <CaseActions c={c} onDone={cases.reload} />}
          onReporter={(reporter) => update({ reporter })}
        />
        <Space align="start">
          <LoadMore paged={cases} />
          <Select
            value={size}
            options={PAGE_SIZES.map((n) => ({ value: n, label: t('list.pageSize', { n }) }))}
            onChange={(n: number) => update({ limit: n === 50 ? undefined : n })}
            style={{ marginTop: 12, width: 120 }}
            data-testid="page-size"
          />
        </Space>
      </Card>
    </>
  );
}
