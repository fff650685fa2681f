/** 积分: my balance, pending points and the exchange, then 积分超市 shop, 我的兑换 redemptions, 积分明细 history and 公示 publicity. */
import { Tabs } from 'antd-mobile';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../../shared/api';
import { exchangeText, type MyPoints } from '../../../shared/points';
import { useLoad } from '../../../shared/useLoad';
import { useI18n } from '../../i18n';
import { HistoryList } from './HistoryList';
import { PublicityList } from './PublicityList';
import { RedemptionsList } from './RedemptionsList';
import { ShopList } from './ShopList';

const TABS = ['shop', 'redemptions', 'history', 'publicity'] as const;
type Tab = (typeof TABS)[number];

export function PointsPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'shop';
  const mine = useLoad(() => api.get<MyPoints>('/api/points/me'), []);
  const go = (next: Tab) => setParams({ tab: next }, { replace: true });
  const changed = () => mine.reload();

  return (
    <div className="cc-m-page" data-testid="m-points">
      <div className="cc-m-points-hero">
        <div className="cc-m-points-label">{t('pts.balance')}</div>
        <div className="cc-m-points-balance" data-testid="m-points-balance">
          {mine.data?.balance ?? '—'}
        </div>
        <div className="cc-m-points-sub">
          <span data-testid="m-points-pending">{t('pts.pending', { n: mine.data?.pending ?? 0 })}</span>
          {mine.data && <span>{t('pts.exchange', { text: exchangeText(mine.data.exchange, lang) })}</span>}
        </div>
        {!!mine.data?.pending && <div className="cc-m-points-hint">{t('pts.pendingHint')}</div>}
      </div>
      <Tabs activeKey={tab} onChange={(k) => go(k as Tab)} className="cc-m-points-tabs" stretch>
        <Tabs.Tab key="shop" title={<span data-testid="m-pts-tab-shop">{t('pts.tabShop')}</span>} />
        <Tabs.Tab
          key="redemptions"
          title={<span data-testid="m-pts-tab-redemptions">{t('pts.tabRedemptions')}</span>}
        />
        <Tabs.Tab key="history" title={<span data-testid="m-pts-tab-history">{t('pts.tabHistory')}</span>} />
        <Tabs.Tab key="publicity" title={<span data-testid="m-pts-tab-publicity">{t('pts.tabPublicity')}</span>} />
      </Tabs>
      {tab === 'shop' && (
        <ShopList
          balance={mine.data?.balance ?? 0}
          onRedeemed={() => {
            changed();
            go('redemptions');
          }}
        />
      )}
      {tab === 'redemptions' && <RedemptionsList onChanged={changed} />}
      {tab === 'history' && <HistoryList pending={mine.data?.pending ?? 0} />}
      {tab === 'publicity' && <PublicityList />}
    </div>
  );
}
