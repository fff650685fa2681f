/**
 * 积分明细: my ledger entries, newest first, each with its reason and, for credits that expire, the expiry
 * date. Points still in review or publicity (待入账) are not entries yet: the list says so above it.
 */
import { DotLoading, ErrorBlock, InfiniteScroll, List } from 'antd-mobile';
import { api, errorMessage } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { entryKindLabel, type HistoryRow, signed } from '../../../shared/points';
import { type Page, usePaged } from '../../../shared/usePaged';
import { useI18n } from '../../i18n';

export function HistoryList({ pending }: { pending: number }) {
  const { t, lang } = useI18n();
  const rows = usePaged((cursor) => api.get<Page<HistoryRow>>('/api/points/me/history', { cursor }), []);
  if (rows.loading && !rows.items.length)
    return (
      <div className="cc-m-center">
        <DotLoading color="primary" />
      </div>
    );
  if (rows.error) return <ErrorBlock status="disconnected" description={errorMessage(rows.error)} />;
  const pendingNote = pending > 0 && (
    <div className="cc-m-points-hint" data-testid="m-history-pending">
      {t('pts.historyPending', { n: pending })}
    </div>
  );
  if (!rows.items.length)
    return (
      <>
        {pendingNote}
        <ErrorBlock status="empty" title={t(pending > 0 ? 'pts.historyEmptyYet' : 'pts.historyEmpty')} description="" />
      </>
    );
  return (
    <>
      {pendingNote}
      <List mode="card" data-testid="m-history">
        {rows.items.map((r) => (
          <List.Item
            key={r.entryId}
            description={`${entryKindLabel(r.kind, lang)} · ${formatDateTime(r.at)}${r.expiresAt ? ` · ${formatDateTime(r.expiresAt).slice(0, 10)}` : ''}`}
            extra={<span className={r.amount < 0 ? 'cc-m-minus' : 'cc-m-plus'}>{signed(r.amount)}</span>}
          >
            {r.memo}
          </List.Item>
        ))}
      </List>
      <InfiniteScroll loadMore={rows.loadMore} hasMore={rows.more} />
    </>
  );
}
