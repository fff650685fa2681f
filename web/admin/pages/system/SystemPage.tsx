/** 系统设置: the effective settings of this installation, read-only (system administrator). */
import { Card, Descriptions, Tag, Typography } from 'antd';
import type { SystemConfig } from '../../../../src/server/modules/accounts/accounts.schema';
import { api } from '../../../shared/api';
import { useLoad } from '../../../shared/useLoad';
import { ErrorAlert } from '../../components/ErrorResult';
import { PageTitle } from '../../components/PageTitle';
import { type MessageKey, useI18n } from '../../i18n';

const LABELS: Record<keyof SystemConfig, MessageKey> = {
  database: 'system.database',
  countyCode: 'system.countyCode',
  sessionIdleMinutes: 'system.sessionIdleMinutes',
  sessionMaxHours: 'system.sessionMaxHours',
  signInMaxFailures: 'system.signInMaxFailures',
  signInLockMinutes: 'system.signInLockMinutes',
  smsGateway: 'system.smsGateway',
  usesDemoSecret: 'system.usesDemoSecret',
};

export function SystemPage() {
  const { t } = useI18n();
  const config = useLoad(() => api.get<SystemConfig>('/api/system/config'), []);
  const show = (v: unknown) => {
    if (typeof v === 'boolean')
      return v ? <Tag color="orange">{t('system.yes')}</Tag> : <Tag color="green">{t('system.no')}</Tag>;
    if (v === null || v === undefined) return '—';
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  };
  return (
    <>
      <PageTitle title={t('menu.system')} hint={t('system.hint')} />
      <Card size="small" loading={config.loading}>
        <ErrorAlert error={config.error} onRetry={config.reload} />
        <Descriptions bordered size="small" column={1} styles={{ label: { width: 380 } }}>
          {Object.entries(config.data ?? {}).map(([k, v]) => (
            <Descriptions.Item
              key={k}
              label={
                <>
                  {t(LABELS[k as keyof SystemConfig])}{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {k}
                  </Typography.Text>
                </>
              }
            >
              {show(v)}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
    </>
  );
}
