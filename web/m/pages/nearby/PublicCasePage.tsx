/** One public report: what, where (the category and state, no names), its approved photos and its public progress. */
import { Card, DotLoading, ErrorBlock, Image, NavBar, Steps, Tag } from 'antd-mobile';
import { useNavigate, useParams } from 'react-router-dom';
import type { PublicCaseDetail } from '../../../../src/server/modules/cases/photos.schema';
import { api, ApiError, errorMessage } from '../../../shared/api';
import { eventLabel, stateLabel } from '../../../shared/cases';
import { formatDateTime } from '../../../shared/format';
import { useLoad } from '../../../shared/useLoad';
import type { Wire } from '../../../shared/wire';
import { useI18n } from '../../i18n';
import { M_STATE_COLORS } from '../reports/MyReportsPage';

export function PublicCasePage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { number = '' } = useParams();
  const loaded = useLoad(() => api.get<Wire<PublicCaseDetail>>(`/api/public/cases/${number}`), [number]);
  const c = loaded.data;
  return (
    <div className="cc-m-page" data-testid="m-public-case">
      <NavBar onBack={() => navigate('/nearby')} className="cc-m-nav">
        {t('nearby.title')}
      </NavBar>
      {loaded.error ? (
        <ErrorBlock
          status={loaded.error instanceof ApiError && loaded.error.status === 404 ? 'empty' : 'disconnected'}
          title={loaded.error instanceof ApiError && loaded.error.status === 404 ? t('nearby.notFound') : undefined}
          description={errorMessage(loaded.error)}
        />
      ) : null}
      {!c && !loaded.error && (
        <div className="cc-m-center">
          <DotLoading color="primary" />
        </div>
      )}
      {c && (
        <>
          <Card
            className="cc-m-card"
            title={c.title}
            extra={<Tag color={M_STATE_COLORS[c.state] ?? 'default'}>{stateLabel(c.state, lang)}</Tag>}
          >
            <div className="cc-m-kv">
              <span>{c.categoryName}</span>
              <b>{t('nearby.received', { at: formatDateTime(c.receivedAt).slice(0, 16) })}</b>
            </div>
            <div className="cc-m-desc">{c.description}</div>
            {c.photos.length > 0 && (
              <div className="cc-m-photos">
                {c.photos.map((url) => (
                  <Image key={url} src={url} width={84} height={84} fit="cover" style={{ borderRadius: 6 }} />
                ))}
              </div>
            )}
          </Card>
          <Card className="cc-m-card" title={t('nearby.progress')}>
            <Steps direction="vertical" current={c.timeline.length - 1} data-testid="m-public-timeline">
              {[...c.timeline].reverse().map((e) => (
                <Steps.Step
                  key={`${e.at}-${e.type}-${e.state ?? ''}`}
                  status="finish"
                  title={`${eventLabel(e.type, lang)}${e.state ? ` · ${stateLabel(e.state, lang)}` : ''}`}
                  description={formatDateTime(e.at)}
                />
              ))}
            </Steps>
          </Card>
        </>
      )}
    </div>
  );
}
