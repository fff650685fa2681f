/**
 * 我的上报: the reports I filed, newest first (more as I scroll), with their state; a tap opens the report.
 * Above them, the reports kept on the phone until the network is back (Drafts).
 */
import { Button, DotLoading, ErrorBlock, InfiniteScroll, List, NavBar, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../../../shared/api';
import { type MyCase, stateLabel } from '../../../shared/cases';
import { formatDateTime } from '../../../shared/format';
import { type Page, usePaged } from '../../../shared/usePaged';
import { useI18n } from '../../i18n';
import { Drafts } from './Drafts';

export const M_STATE_COLORS: Record<string, string> = {
  received: 'warning',
  filed: 'primary',
  dispatched: 'primary',
  handling: 'primary',
  suspended: 'default',
  feedback: 'warning',
  closed: 'success',
  rejected: 'default',
};

export function MyReportsPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const mine = usePaged((cursor) => api.get<Page<MyCase>>('/api/cases', { queue: 'mine', cursor }), []);
  const loaded = !mine.loading || mine.items.length > 0;
  return (
    <div className="cc-m-page" data-testid="m-my-reports">
      <NavBar onBack={() => navigate('/me')} className="cc-m-nav">
        {t('mine.title')}
      </NavBar>
      <Drafts onSent={mine.reload} />
      {!loaded && (
        <div className="cc-m-center">
          <DotLoading color="primary" />
        </div>
      )}
      {mine.error ? <ErrorBlock status="disconnected" description={errorMessage(mine.error)} /> : null}
      {loaded && !mine.error && mine.items.length === 0 && (
        <ErrorBlock status="empty" title={t('mine.empty')} description="">
          <Button color="primary" onClick={() => navigate('/report')}>
            {t('mine.go')}
          </Button>
        </ErrorBlock>
      )}
      {mine.items.length > 0 && (
        <List mode="card">
          {mine.items.map((c) => (
            <List.Item
              key={c.id}
              onClick={() => navigate(`/me/reports/${c.id}`)}
              description={`${c.number} · ${formatDateTime(c.receivedAt)}`}
              extra={
                <Tag color={M_STATE_COLORS[c.state] ?? 'default'} fill="outline">
                  {stateLabel(c.state, lang)}
                </Tag>
              }
              data-number={c.number}
            >
              {c.title}
            </List.Item>
          ))}
        </List>
      )}
      {mine.items.length > 0 && <InfiniteScroll loadMore={mine.loadMore} hasMore={mine.more && !mine.error} />}
    </div>
  );
}
