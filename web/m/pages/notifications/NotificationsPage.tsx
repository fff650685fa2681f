/** 消息通知: notices about my reports (newest first, more as I scroll); a tap opens the report. */
import { DotLoading, ErrorBlock, InfiniteScroll, List, NavBar } from 'antd-mobile';
import { useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../../../shared/api';
import type { Notification } from '../../../shared/cases';
import { formatDateTime } from '../../../shared/format';
import { type Page, usePaged } from '../../../shared/usePaged';
import { useI18n } from '../../i18n';

export function NotificationsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  // Showing a page reads it: the page shows which were unread, then those are marked read.
  const notes = usePaged(async (cursor) => {
    const page = await api.get<Page<Notification>>('/api/notifications', { cursor });
    const unread = page.items.filter((n) => !n.readAt).map((n) => n.id);
    if (unread.length) await api.post('/api/notifications/read', { ids: unread }).catch(() => undefined);
    return page;
  }, []);
  const loaded = !notes.loading || notes.items.length > 0;
  return (
    <div className="cc-m-page" data-testid="m-notifications">
      <NavBar onBack={() => navigate(-1)} className="cc-m-nav">
        {t('notes.title')}
      </NavBar>
      {!loaded && (
        <div className="cc-m-center">
          <DotLoading color="primary" />
        </div>
      )}
      {notes.error ? <ErrorBlock status="disconnected" description={errorMessage(notes.error)} /> : null}
      {loaded && !notes.error && notes.items.length === 0 && (
        <ErrorBlock status="empty" title={t('notes.empty')} description="" />
      )}
      {notes.items.length > 0 && (
        <List mode="card">
          {notes.items.map((n) => (
            <List.Item
              key={n.id}
              onClick={n.caseId ? () => navigate(`/me/reports/${n.caseId}`) : undefined}
              description={
                <>
                  {n.body}
                  <div className="cc-m-hint">{formatDateTime(n.createdAt)}</div>
                </>
              }
              prefix={n.readAt ? undefined : <span className="cc-m-dot" role="img" aria-label={t('notes.unreadOne')} />}
            >
              {n.title}
            </List.Item>
          ))}
        </List>
      )}
      {notes.items.length > 0 && <InfiniteScroll loadMore={notes.loadMore} hasMore={notes.more && !notes.error} />}
    </div>
  );
}
