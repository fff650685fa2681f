/**
 * "加载失败 · 重试" for the shell (app start, session, a page's chunk): plain markup, so the code a phone
 * fetches before the sign-in page stays small (antd-mobile's ErrorBlock carries large illustrations;
 * pages behind the sign-in may still use it). The message stays until the user retries.
 */
import { Button } from 'antd-mobile';
import { useI18n } from '../i18n';

export function LoadFailed({ detail, retry, fullPage }: { detail?: string; retry: () => void; fullPage?: boolean }) {
  const { t } = useI18n();
  return (
    <div className={fullPage ? 'cc-m-failed cc-m-failed-page' : 'cc-m-failed'} role="alert">
      <div className="cc-m-failed-icon" aria-hidden>
        ⚠
      </div>
      <div className="cc-m-failed-title">{t('common.loadFailed')}</div>
      {detail && <div className="cc-m-failed-detail">{detail}</div>}
      <Button color="primary" onClick={retry}>
        {t('action.retry')}
      </Button>
    </div>
  );
}
