/** Routes of the resident app: phone sign-in, and the tabbed app behind a session. */
import { DotLoading, ErrorBlock, Button } from 'antd-mobile';
import { useEffect } from 'react';
import { Route, Routes, useNavigate } from 'react-router-dom';
import { api, errorMessage, setSignedOutHandler } from '../shared/api';
import { DemoBanner } from '../shared/DemoBanner';
import type { Site } from '../shared/types';
import { useLoad } from '../shared/useLoad';
import { useI18n } from './i18n';
import { SignInPage } from './pages/sign-in/SignInPage';
import { SessionGate, SiteContext } from './session';
import { TabsLayout } from './TabsLayout';

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
      if (window.location.pathname.startsWith('/m/sign-in')) return;
      const state: SignInNotice = { notice: e.message, code: e.code };
      navigate('/sign-in', { replace: true, state });
    });
    return () => setSignedOutHandler(null);
  }, [navigate]);

  if (site.error) {
    return (
      <ErrorBlock status="disconnected" title={t('common.loadFailed')} description={errorMessage(site.error)} fullPage>
        <Button color="primary" onClick={site.reload}>{t('action.retry')}</Button>
      </ErrorBlock>
    );
  }
  if (!site.data) return <div className="cc-m-center"><DotLoading color="primary" /></div>;
  return (
    <SiteContext.Provider value={site.data}>
      <div className="cc-m-app">
        {site.data.demo && <DemoBanner text={t('demo.bannerShort')} />}
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/*" element={<SessionGate><TabsLayout /></SessionGate>} />
        </Routes>
      </div>
    </SiteContext.Provider>
  );
}
