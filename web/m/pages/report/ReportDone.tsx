/** The success page after a report: its case number, what happens next, links to its progress and home. */
import { Button, Result } from 'antd-mobile';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '../../i18n';

export function ReportDone() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const number = (useLocation().state as { number?: string } | null)?.number;
  return (
    <div className="cc-m-page cc-m-done" data-testid="m-report-done">
      <Result status="success" title={t('done.title')} description={t('done.hint')} />
      {number && (
        <div className="cc-m-done-number">
          <div className="cc-m-label">{t('done.number')}</div>
          <div className="cc-m-number" data-testid="m-case-number">
            {number}
          </div>
        </div>
      )}
      <div className="cc-m-inset">
        <Button
          block
          color="primary"
          onClick={() => navigate(`/me/reports/${id}`, { replace: true })}
          data-testid="m-view-progress"
        >
          {t('done.view')}
        </Button>
        <Button block style={{ marginTop: 10 }} onClick={() => navigate('/', { replace: true })}>
          {t('done.home')}
        </Button>
      </div>
    </div>
  );
}
