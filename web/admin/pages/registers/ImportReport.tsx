/** Progress of an import job and its outcome: counts, file errors, the per-row errors table, the error list download. */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Progress, Space, Table, Typography } from 'antd';
import { api, errorMessage } from '../../../shared/api';
import type { ImportIssue, ImportJob, RegisterInfo } from '../../../shared/people';
import { useI18n } from '../../i18n';

export function ImportProgress({ job, label }: { job: ImportJob | null; label: 'imp.running' | 'imp.importing' }) {
  const { t } = useI18n();
  const percent = job && job.totalBytes ? Math.round((job.bytesRead / job.totalBytes) * 100) : 0;
  const done = job?.state === 'done';
  return (
    <div data-testid="import-progress">
      <Progress
        percent={done ? 100 : percent}
        status={job?.state === 'failed' ? 'exception' : done ? 'success' : 'active'}
      />
      {!done && <Typography.Text type="secondary">{t(label, { rows: job?.rowsRead ?? 0 })}</Typography.Text>}
    </div>
  );
}

export function jobFailure(job: ImportJob | null): string | null {
  if (!job || job.state !== 'failed') return null;
  return job.error ?? 'failed';
}

export function ImportIssues({ job, register }: { job: ImportJob; register?: RegisterInfo }) {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const r = job.result;
  if (!r) return null;
  const columnName = (c: string | null) => {
    if (!c) return '—';
    const col = register?.columns.find((x) => x.header.zh === c || x.key === c);
    return col ? pick(col.header.zh, col.header.en) : c;
  };
  const download = async () => {
    try {
      await api.download(`/api/registers/imports/${job.id}/errors.xlsx`, {}, 'errors.xlsx');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const columns = [
    { title: t('imp.row'), dataIndex: 'row', width: 80, align: 'right' as const },
    { title: t('imp.column'), dataIndex: 'column', width: 180, render: columnName },
    {
      title: t('imp.reason'),
      dataIndex: 'reason',
      render: (x: ImportIssue['reason']) => (lang === 'en' ? x.en : x.zh),
    },
  ];
  const hasErrors = r.errors.length > 0 || r.fileErrors.length > 0;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Alert
        type={hasErrors ? 'warning' : 'success'}
        showIcon
        data-testid="import-summary"
        title={t('imp.summary', { total: r.totalRows, valid: r.validRows, invalid: r.invalidRows })}
        description={hasErrors ? undefined : t('imp.noErrors')}
        action={
          hasErrors ? (
            <Button icon={<DownloadOutlined />} onClick={download} data-testid="download-errors">
              {t('imp.downloadErrors')}
            </Button>
          ) : undefined
        }
      />
      {r.fileErrors.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('imp.fileErrors')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {r.fileErrors.map((e) => (
                <li key={e.reason.en}>{pick(e.reason.zh, e.reason.en)}</li>
              ))}
            </ul>
          }
        />
      )}
      {r.errors.length > 0 && (
        <Table<ImportIssue>
          size="small"
          bordered
          title={() => t('imp.errors', { n: r.errorCount })}
          rowKey={(e) => `${e.row}:${e.column}:${e.code}`}
          dataSource={r.errors}
          pagination={{ pageSize: 20, size: 'small', hideOnSinglePage: true }}
          columns={columns}
          data-testid="import-errors"
        />
      )}
      {r.warnings.length > 0 && (
        <Table<ImportIssue>
          size="small"
          title={() => t('imp.warnings', { n: r.warnings.length })}
          rowKey={(e) => `${e.row}:${e.column}:${e.code}`}
          dataSource={r.warnings}
          pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
          columns={columns}
        />
      )}
    </Space>
  );
}
