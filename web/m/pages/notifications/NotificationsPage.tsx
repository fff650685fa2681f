/** 消息通知: notices about my reports (newest first); a tap opens the report. */
import { DotLoading, ErrorBlock, List, NavBar } from 'antd-mobile';
import { useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../../../shared/api';
import type { Notification } from '../../../shared/cases';
import { formatDateTime } from '../../../shared/format';
import { useLoad } from '../../../shared/useLoad';
import { useI18n } from '../../i18n';

export function NotificationsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  // Opening the list reads them: the list shows which were unread, then all are marked read.
  const notes = useLoad(async () => {
    const list = await api.get<Notification[]>('/api/notifications');
    if (list.some((n) => !n.readAt)) await api.post('/api/notifications/read', {}).catch(() => undefined);
    return list;
  }, []);
  return (
    <div className="cc-m-page" data-testid="m-notifications">
      <NavBar onBack={() => navigate(-1)} className="cc-m-nav">
        {t('notes.title')}
      </NavBar>
      {notes.loading && (
        <div className="cc-m-center">
          <DotLoading color="primary" />
        </div>
      )}
      {notes.error ? <ErrorBlock status="disconnected" description={errorMessage(notes.error)} /> : null}
      {notes.data?.length === 0 && <ErrorBlock status="empty" title={t('notes.empty')} description="" />}
      {!!notes.data?.length && (
        <List mode="card">
          {notes.data.map((n) => (
            <List.Item
              key={n.id}
              onClick={n.caseId ? () => navigate(`/me/reports/${n.caseId}`) : undefined}
              description={
                <>
                  {n.body}
                  <div className="cc-m-hint">{formatDateTime(n.createdAt)}</div>
                </>
              }
              prefix={n.readAt ? undefined : <span className="cc-m-dot" aria-label="unread" />}
            >
              {n.title}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
