/** The tabbed app, assembled from the tabs (tabs.ts): 首页 home, 上报 report, 积分 points and 我的 me, with the tab bar at the bottom. */
import { TabBar } from 'antd-mobile';
import { matchPath, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from './i18n';
import { preload } from './lazy';
import { useOutboxStart } from './outbox/pending';
import { useSession } from './session';
import { ServicesContext } from './services';
import type { ResidentTab } from './tab';
import { RESIDENT_TABS } from './tabs';

const ALL: readonly ResidentTab[] = RESIDENT_TABS;
/** The tab bar's entries; the services (tabBar: false) are reached from the home page. */
const BAR = ALL.filter((tab) => tab.tabBar !== false);
const SERVICES = ALL.filter((tab) => tab.homeCard);

/** The tab a path belongs to: the one whose path (or another of its paths) starts it; home otherwise. */
function tabOf(pathname: string): string {
  const owns = (prefix: string) => prefix !== '/' && pathname.startsWith(prefix);
  return BAR.find((tab) => owns(tab.path) || (tab.alsoAt ?? []).some(owns))?.path ?? '/';
}

// the fallback route ('*') last, whichever tab declares it
const ROUTES = RESIDENT_TABS.flatMap((tab) => tab.routes).sort(
  (a, b) => Number(a.path === '*') - Number(b.path === '*'),
);

// the page the app was opened on starts loading with the app itself (basename /m)
const opened = window.location.pathname.replace(/^\/m(?=\/|$)/, '') || '/';
preload(ROUTES.find((r) => r.path !== '*' && matchPath(r.path, opened))?.element ?? ROUTES.at(-1)?.element);

export function TabsLayout() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  useOutboxStart(useSession().me.user.id); // reports kept offline go when the network is back (issue #11)
  return (
    <ServicesContext.Provider value={SERVICES}>
      <div className="cc-m-tabs">
        <main className="cc-m-body">
          <Routes>
            {ROUTES.map((r) => (
              <Route key={r.path} path={r.path} element={r.element} />
            ))}
          </Routes>
        </main>
        <nav className="cc-m-tabbar" aria-label={t('nav.tabs')}>
          <TabBar activeKey={tabOf(pathname)} onChange={(k) => navigate(k)} safeArea>
            {BAR.map((tab) => (
              <TabBar.Item key={tab.path} icon={tab.icon} title={t(tab.title)} data-testid={tab.testId} />
            ))}
          </TabBar>
        </nav>
      </div>
    </ServicesContext.Provider>
  );
}
