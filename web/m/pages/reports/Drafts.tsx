/**
 * 我的上报's outbox (issue #11): reports written without network, with their state — 待发送, 发送中,
 * 已发送 with the case's number, or 未能发送 with the server's reason and 重新发送. Visiting the page
 * sends what is due.
 */
import { Button, List, Tag } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../i18n';
import { listDrafts, resend, startOutbox, subscribe } from '../../outbox/outbox';
import type { Draft } from '../../outbox/queue';
import { useSession } from '../../session';

const COLORS: Record<Draft['state'], string> = {
  waiting: 'warning',
  sending: 'primary',
  sent: 'success',
  refused: 'danger',
};

export function Drafts({ onSent }: { onSent: () => void }) {
  const { t } = useI18n();
  const { me } = useSession();
  const [drafts, setDrafts] = useState<Draft[]>([]);
  useEffect(() => {
    let live = true;
    let sentBefore = -1;
    const load = () =>
      listDrafts(me.user.id).then((ds) => {
        if (!live) return;
        setDrafts(ds);
        const sentNow = ds.filter((d) => d.state === 'sent').length;
        if (sentBefore >= 0 && sentNow > sentBefore) onSent(); // a case came into being: the list below shows it
        sentBefore = sentNow;
      });
    const off = subscribe(() => void load());
    void load();
    void startOutbox(me.user.id);
    return () => {
      live = false;
      off();
    };
  }, [me.user.id, onSent]);

  if (drafts.length === 0) return null;
  return (
    <List mode="card" header={t('outbox.title')} data-testid="m-drafts">
      {drafts.map((d) => (
        <List.Item
          key={d.key}
          data-testid="m-draft"
          data-state={d.state}
          data-number={d.number ?? ''}
          description={
            <>
              {d.number ? `${d.number} · ` : ''}
              {formatDateTime(new Date(d.createdAt))}
              {d.photos.length > 0 && ` · ${t('outbox.photos', { n: d.photos.length })}`}
              {d.state !== 'sent' && d.error && <div className="cc-m-error">{d.error}</div>}
            </>
          }
          extra={
            <div className="cc-m-draft-state">
              <Tag color={COLORS[d.state]} fill="outline">
                {t(`outbox.${d.state}`)}
              </Tag>
              {d.state === 'refused' && (
                <Button size="small" onClick={() => void resend(d.key)}>
                  {t('outbox.retry')}
                </Button>
              )}
            </div>
          }
        >
          {d.title}
        </List.Item>
      ))}
      <List.Item className="cc-m-hint">{t('outbox.offlineNote')}</List.Item>
    </List>
  );
}
