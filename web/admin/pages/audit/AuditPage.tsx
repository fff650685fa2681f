/** 审计 the audit trail (audit administrator): search, read, export as an xlsx ledger, verify the hash chain. */
import { DownloadOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, errorMessage, type Query } from '../../../shared/api';
import type { AuditRow, AuditVerify } from '../../../shared/types';
import { type Page, usePaged } from '../../../shared/usePaged';
import { ErrorAlert } from '../../components/ErrorResult';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useDownload } from '../../components/useDownload';
import { useI18n } from '../../i18n';
import { AuditFilters, linkedFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';

export function AuditPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [search] = useSearchParams();
  const [linked] = useState(() => linkedFilters(search)); // the home's counts open the trail filtered
  const [filters, setFilters] = useState<Query>(linked);
  const [verify, setVerify] = useState<AuditVerify | null>(null);
  const [verifying, setVerifying] = useState(false);
  const exporter = useDownload();

  const rows = usePaged(
    (cursor) => api.get<Page<AuditRow>>('/api/audit', { ...filters, limit: 100, cursor }),
    [filters],
  );

  const runVerify = async () => {
    setVerifying(true);
    try {
      setVerify(await api.get<AuditVerify>('/api/audit/verify'));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setVerifying(false);
    }
  };

  const runExport = () => exporter.download('/api/audit/export.xlsx', filters, 'audit.xlsx');

  return (
    <>
      <PageTitle
        title={t('menu.audit')}
        hint={t('audit.hint')}
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} loading={exporter.busy} onClick={runExport} data-testid="audit-export">
              {t('audit.export')}
            </Button>
            <Button
              type="primary"
              icon={<SafetyOutlined />}
              loading={verifying}
              onClick={runVerify}
              data-testid="audit-verify"
            >
              {t('audit.verify')}
            </Button>
          </Space>
        }
      />
      {verify && (
        <Alert
          data-testid="audit-verify-result"
          style={{ marginBottom: 12 }}
          showIcon
          closable={{ onClose: () => setVerify(null) }}
          type={verify.ok ? 'success' : 'error'}
          title={
            verify.ok
              ? t('audit.verifyOk', { n: verify.rows })
              : t('audit.verifyBroken', { id: verify.brokenAt ?? '?', n: verify.rows })
          }
          description={verify.ok ? t('audit.verifyOkHint') : verify.reason}
        />
      )}
      <Card size="small">
        <AuditFilters onSearch={setFilters} initial={linked} />
        <ErrorAlert error={rows.error} onRetry={rows.reload} />
        <AuditTable rows={rows.items} loading={rows.loading} />
        <LoadMore paged={rows} />
      </Card>
    </>
  );
}
