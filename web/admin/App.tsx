/** Routes of the console: the sign-in page, and everything else behind a session. */
import { Spin } from 'antd';
import { useEffect } from 'react';
import { Route, Routes, useNavigate } from 'react-router-dom';
import { api, setSignedOutHandler } from '../shared/api';
import { DemoBanner } from '../shared/DemoBanner';
import type { Site } from '../shared/types';
import { useLoad } from '../shared/useLoad';
import { ErrorResult } from './components/ErrorResult';
import { useI18n } from './i18n';
import { ConsoleLayout } from './layout/ConsoleLayout';
import { SignInPage } from './pages/sign-in/SignInPage';
import { SessionGate, SiteContext } from './session';

export interface SignInNotice {
  notice?: string;
  code?: string;
}

export function App() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const site = useLoad(() => api.get<Site>('/api/site'), []);

  useEffect(() => {
    setSignedOutHandler((e) => {
      if (window.location.pathname.startsWith('/admin/sign-in')) return;
      const state: SignInNotice = { notice: e.message, code: e.code };
      navigate('/sign-in', { replace: true, state });
    });
    return () => setSignedOutHandler(null);
  }, [navigate]);

  if (site.error) return <ErrorResult error={site.error} onRetry={site.reload} />;
  if (!site.data) return <Spin fullscreen tip={t('common.loading')} />;
  return (
    <SiteContext.Provider value={site.data}>
      {site.data.demo && <DemoBanner text={t('demo.banner')} />}
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/*" element={<SessionGate><ConsoleLayout /></SessionGate>} />
      </Routes>
    </SiteContext.Provider>
  );
}
