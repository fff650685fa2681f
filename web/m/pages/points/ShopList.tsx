/** 积分超市: items of my village's, town's and county's shops with price, yuan value, stock and limit; redeem after confirming. */
import { GiftOutlined } from '@ant-design/icons';
import { Button, Dialog, DotLoading, ErrorBlock, InfiniteScroll, Tag, Toast } from 'antd-mobile';
import { api, ApiError, errorMessage } from '../../../shared/api';
import type { Redemption, ShopItem } from '../../../shared/points';
import { type Page, usePaged } from '../../../shared/usePaged';
import { useI18n } from '../../i18n';

export function ShopList({ balance, onRedeemed }: { balance: number; onRedeemed: (r: Redemption) => void }) {
  const { t } = useI18n();
  const items = usePaged((cursor) => api.get<Page<ShopItem>>('/api/points/shop', { cursor }), []);

  const redeem = async (item: ShopItem) => {
    if (item.pricePoints > balance) {
      await Dialog.alert({
        title: t('pts.notEnough'),
        content: t('pts.notEnoughShort', { n: item.pricePoints - balance }),
        confirmText: 'OK',
      });
      return;
    }
    const ok = await Dialog.confirm({
      title: t('pts.redeemTitle'),
      content: t('pts.redeemConfirm', { points: item.pricePoints, item: item.name }),
      confirmText: t('pts.redeem'),
      cancelText: t('action.cancel'),
    });
    if (!ok) return;
    try {
      const r = await api.post<Redemption>('/api/points/redemptions', { itemId: item.id, quantity: 1 });
      Toast.show({ icon: 'success', content: t('pts.redeemOk') });
      items.reload();
      onRedeemed(r);
    } catch (e) {
      // points_insufficient: the server's message carries the balance (积分不足：需要 10 分，当前余额 0 分)
      const title = e instanceof ApiError && e.code === 'points_insufficient' ? t('pts.notEnough') : undefined;
      await Dialog.alert({ title, content: errorMessage(e), confirmText: 'OK' });
      items.reload();
    }
  };

  if (items.loading && !items.items.length)
    return (
      <div className="cc-m-center">
        <DotLoading color="primary" />
      </div>
    );
  if (items.error) return <ErrorBlock status="disconnected" description={errorMessage(items.error)} />;
  if (!items.items.length) return <ErrorBlock status="empty" title={t('pts.shopEmpty')} description="" />;
  return (
    <div className="cc-m-shop" data-testid="m-shop">
      {items.items.map((i) => {
        const short = i.pricePoints > balance;
        return (
          <div key={i.id} className="cc-m-shop-item" data-item={i.name}>
            <div className="cc-m-shop-photo">{i.photoUrl ? <img src={i.photoUrl} alt="" /> : <GiftOutlined />}</div>
            <div className="cc-m-shop-body">
              <div className="cc-m-shop-name">{i.name}</div>
              {i.description && <div className="cc-m-hint">{i.description}</div>}
              <div className="cc-m-shop-price">
                <b>{t('pts.price', { n: i.pricePoints })}</b>
                <span className="cc-m-hint">{t('pts.worth', { yuan: i.yuanValue })}</span>
              </div>
              <div className="cc-m-shop-meta">
                <span>{t('pts.stock', { n: i.stock })}</span>
                {i.perPersonLimit !== null && (
                  <Tag color="warning" fill="outline">
                    {t('pts.limit', { n: i.perPersonLimit })}
                  </Tag>
                )}
              </div>
            </div>
            <div className="cc-m-shop-action">
              {i.stock <= 0 ? (
                <Tag color="default">{t('pts.soldOut')}</Tag>
              ) : (
                <Button
                  size="small"
                  color="primary"
                  fill={short ? 'outline' : 'solid'}
                  onClick={() => redeem(i)}
                  data-testid="m-redeem"
                >
                  {t('pts.redeem')}
                </Button>
              )}
              {short && i.stock > 0 && (
                <div className="cc-m-hint cc-m-short">{t('pts.notEnoughShort', { n: i.pricePoints - balance })}</div>
              )}
            </div>
          </div>
        );
      })}
      <InfiniteScroll loadMore={items.loadMore} hasMore={items.more} />
    </div>
  );
}
