/** Routes of the console: the sign-in page, and everything else behind a session. */
import { Spin } from 'antd';
import { Route, Routes } from 'react-router-dom';
import { DemoBanner } from '../shared/DemoBanner';
import { useAppShell } from '../shared/useAppShell';
import { ErrorResult } from './components/ErrorResult';
import { useI18n } from './i18n';
import { ConsoleLayout } from './layout/ConsoleLayout';
import { SignInPage } from './pages/sign-in/SignInPage';
import { SessionGate, SiteContext } from './session';

export type { SignInNotice } from '../shared/useAppShell';

export function App() {
  const { t } = useI18n();
  const site = useAppShell('/admin');

  if (site.error) return <ErrorResult error={site.error} onRetry={site.reload} />;
  if (!site.data) return <Spin fullscreen tip={t('common.loading')} />;
  return (
    <SiteContext.Provider value={site.data}>
      {site.data.demo && <DemoBanner text={t('demo.banner')} />}
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
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
