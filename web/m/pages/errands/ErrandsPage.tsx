/** 红色代办: the errands I asked for, and those given to me to handle (party members, cadres). */
import { Button, ErrorBlock, InfiniteScroll, Tabs, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ErrandSummary } from '../../../../src/server/modules/services/errands.schema';
import { ERRAND_STATE_LABELS } from '../../../../src/server/modules/services/services.labels';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { type Page, usePaged } from '../../../shared/usePaged';
import { useI18n } from '../../i18n';

export function ErrandsPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [tab, setTab] = useState<'mine' | 'handling'>('mine');
  const rows = usePaged(
    (cursor) =>
      api.get<Page<ErrandSummary>>(tab === 'mine' ? '/api/services/me/errands' : '/api/services/me/errands/handling', {
        cursor,
      }),
    [tab],
  );
  return (
    <div className="cc-m-page" data-testid="m-errands">
      <Button block color="primary" onClick={() => navigate('/errands/new')} data-testid="m-errand-new">
        {t('err.new')}
      </Button>
      <Tabs activeKey={tab} onChange={(k) => setTab(k as 'mine' | 'handling')} stretch>
        <Tabs.Tab key="mine" title={t('err.mine')} />
        <Tabs.Tab key="handling" title={<span data-testid="m-errand-tab-handling">{t('err.handling')}</span>} />
      </Tabs>
      {!rows.loading && !rows.items.length && <ErrorBlock status="empty" title={t('err.empty')} description="" />}
      {rows.items.map((e) => (
        <div
          key={e.id}
          className="cc-m-card"
          data-errand={e.id}
          data-state={e.state}
          onClick={() => navigate(`/errands/${e.id}`)}
          onKeyDown={() => {}}
        >
          <div className="cc-m-shop-name">
            {e.itemName} <Tag color="primary">{ERRAND_STATE_LABELS[e.state][lang === 'en' ? 'en' : 'zh']}</Tag>
            {e.overdue && <Tag color="danger">{t('err.overdue')}</Tag>}
          </div>
          <div className="cc-m-hint">
            {e.number} · {e.divisionName} · {t('err.due', { time: formatDateTime(e.dueAt) })}
          </div>
          {e.handlerName && <div className="cc-m-hint">{t('err.handler', { name: e.handlerName })}</div>}
        </div>
      ))}
      <InfiniteScroll loadMore={rows.loadMore} hasMore={rows.more} />
    </div>
  );
}
