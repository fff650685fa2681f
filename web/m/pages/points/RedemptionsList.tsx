/** 我的兑换: my redemptions; a reservation shows its 6-digit pickup code and QR code (web/shared/QrCode) and may be cancelled. */
import { Button, Dialog, DotLoading, ErrorBlock, InfiniteScroll, Tag, Toast } from 'antd-mobile';
import { api, errorMessage } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { QrCode } from '../../../shared/QrCode';
import { type Redemption, redemptionStateLabel } from '../../../shared/points';
import { type Page, usePaged } from '../../../shared/usePaged';
import { useI18n } from '../../i18n';
import { showError } from '../../notice';

const COLORS: Record<string, string> = {
  reserved: 'warning',
  fulfilled: 'success',
  cancelled: 'default',
  expired: 'default',
};

export function RedemptionsList({ onChanged }: { onChanged: () => void }) {
  const { t, lang } = useI18n();
  const rows = usePaged((cursor) => api.get<Page<Redemption>>('/api/points/me/redemptions', { cursor }), []);

  const cancel = async (r: Redemption) => {
    const ok = await Dialog.confirm({
      content: t('pts.cancelConfirm'),
      confirmText: t('pts.cancel'),
      cancelText: t('pts.keep'),
    });
    if (!ok) return;
    try {
      await api.post(`/api/points/redemptions/${r.id}/cancel`);
      Toast.show({ icon: 'success', content: t('pts.cancelled') });
      rows.reload();
      onChanged();
    } catch (e) {
      showError(e);
    }
  };

  if (rows.loading && !rows.items.length)
    return (
      <div className="cc-m-center">
        <DotLoading color="primary" />
      </div>
    );
  if (rows.error) return <ErrorBlock status="disconnected" description={errorMessage(rows.error)} />;
  if (!rows.items.length) return <ErrorBlock status="empty" title={t('pts.redemptionsEmpty')} description="" />;
  return (
    <div data-testid="m-redemptions">
      {rows.items.map((r) => (
        <div key={r.id} className="cc-m-card cc-m-redemption" data-redemption={r.id} data-state={r.state}>
          <div className="cc-m-redemption-head">
            <div>
              <div className="cc-m-shop-name">
                {r.itemName} <span className="cc-m-hint">{t('pts.quantity', { n: r.quantity })}</span>
              </div>
              <div className="cc-m-hint">
                {t('pts.price', { n: r.points })} · {formatDateTime(r.reservedAt)}
              </div>
            </div>
            <Tag color={COLORS[r.state] ?? 'default'} fill="outline" data-testid="m-redemption-state">
              {redemptionStateLabel(r.state, lang)}
            </Tag>
          </div>
          {r.state === 'reserved' && r.pickupCode && (
            <div className="cc-m-pickup">
              <div className="cc-m-label">{t('pts.pickupCode')}</div>
              <div className="cc-m-pickup-code" data-testid="m-pickup-code">
                {r.pickupCode}
              </div>
              {r.qrPayload && <QrCode value={r.qrPayload} size={148} className="cc-m-qr" testId="m-pickup-qr" />}
              <div className="cc-m-hint">{t('pts.pickupHint')}</div>
              <div className="cc-m-hint">{t('pts.expiresAt', { at: formatDateTime(r.expiresAt) })}</div>
            </div>
          )}
          {r.actions.includes('cancel') && (
            <Button
              size="small"
              fill="outline"
              onClick={() => cancel(r)}
              className="cc-m-redemption-cancel"
              data-testid="m-redemption-cancel"
            >
              {t('pts.cancel')}
            </Button>
          )}
        </div>
      ))}
      <InfiniteScroll loadMore={rows.loadMore} hasMore={rows.more} />
    </div>
  );
}
