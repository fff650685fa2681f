/** Routes of the console: the sign-in page, and everything else behind a session. */
import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { Route, Routes, useLocation } from 'react-router-dom';
import { DemoBanner } from '../shared/DemoBanner';
import { useAppShell } from '../shared/useAppShell';
import { ErrorResult } from './components/ErrorResult';
import { useI18n } from './i18n';
import { ConsoleLayout } from './layout/ConsoleLayout';
import { SignInPage } from './pages/sign-in/SignInPage';
import { SessionGate, SiteContext } from './session';

/** The big screen: a kiosk with a token, no session (pages/cockpit/ScreenPage.tsx, loaded on its own). */
const ScreenPage = lazy(() => import('./pages/cockpit/ScreenPage'));
const isPublic = (pathname: string) => pathname.startsWith('/admin/sign-in') || pathname.startsWith('/admin/screen');

export type { SignInNotice } from '../shared/useAppShell';

export function App() {
  const { t } = useI18n();
  const site = useAppShell('/admin', isPublic);
  // the big screen is a wall display of its own size: it says "demo" in its own header
  const onScreen = useLocation().pathname === '/screen';

  if (site.error) return <ErrorResult error={site.error} onRetry={site.reload} />;
  if (!site.data) return <Spin fullscreen tip={t('common.loading')} />;
  return (
    <SiteContext.Provider value={site.data}>
      {site.data.demo && !onScreen && <DemoBanner text={t('demo.banner')} />}
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route
          path="/screen"
          element={
            <Suspense fallback={<Spin fullscreen />}>
              <ScreenPage />
            </Suspense>
          }
        />
        <Route
          path="/*"
          element={
            <SessionGate>
              <ConsoleLayout />
            </SessionGate>
          }
        />
      </Routes>
    </SiteContext.Provider>
  );
}
