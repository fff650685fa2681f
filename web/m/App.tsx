/** Routes of the resident app: phone sign-in, the riders' public station pages, and the tabbed app behind a session. */
import { DotLoading } from 'antd-mobile';
import { Route, Routes } from 'react-router-dom';
import { errorMessage } from '../shared/api';
import { DemoBanner } from '../shared/DemoBanner';
import { LoadFailed } from './components/LoadFailed';
import { useAppShell } from '../shared/useAppShell';
import { useI18n } from './i18n';
import { page } from './lazy';
import { SignInPage } from './pages/sign-in/SignInPage';
import { isPublicPath } from './public-paths';
import { SessionGate, SiteContext } from './session';
import { TabsLayout } from './TabsLayout';

export type { SignInNotice } from '../shared/useAppShell';

const PUBLIC_PROJECTS = page(() => import('./pages/projects/PublicProjectsPage'), 'PublicProjectsPage');
// the riders' station map and a station's page: no sign-in (a rider is not a registered resident);
// loaded on first visit like every page, so the sign-in page's code does not grow
const publicStations = page(() => import('./pages/stations/PublicStationsPage'), 'PublicStationsPage');
const publicStation = page(() => import('./pages/stations/PublicStationPage'), 'PublicStationPage');

export function App() {
  const { t } = useI18n();
  const site = useAppShell('/m', isPublicPath);

  if (site.error) {
    return <LoadFailed detail={errorMessage(site.error)} retry={site.reload} fullPage />;
  }
  const loading = (
    <div className="cc-m-center">
      <DotLoading color="primary" />
    </div>
  );
  // the sign-in page does not wait for /api/site (one round trip less on a slow network): it shows the
  // county's name and the demo hint once the site has answered
  return (
    <SiteContext.Provider value={site.data ?? null}>
      <div className="cc-m-app">
        {site.data?.demo && <DemoBanner text={t('demo.bannerShort')} />}
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          {/* public, no session: the livelihood projects' progress (its own chunk, not in the sign-in budget) */}
          <Route path="/public/projects" element={PUBLIC_PROJECTS} />
          <Route path="/stations/public" element={publicStations} />
          <Route path="/stations/public/:id" element={publicStation} />
          <Route
            path="/*"
            element={
              site.data ? (
                <SessionGate>
                  <TabsLayout />
                </SessionGate>
              ) : (
                loading
              )
            }
          />
        </Routes>
      </div>
    </SiteContext.Provider>
  );
}
