/** A failed load: the server's message and a retry button. */
import { Alert, Button, Result } from 'antd';
import { errorMessage } from '../../shared/api';
import { useI18n } from '../i18n';

export function ErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <Result
      status="warning"
      title={t('common.loadFailed')}
      subTitle={errorMessage(error)}
      extra={onRetry ? <Button onClick={onRetry}>{t('action.retry')}</Button> : undefined}
    />
  );
}

/** A smaller inline variant for a panel or a table. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={errorMessage(error)}
      style={{ marginBottom: 12 }}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('action.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
