/** The resident app (居民端): antd-mobile, mobile first, served at /m. */
import { LeftOutlined } from '@ant-design/icons';
import { ConfigProvider, unstableSetRender } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { StrictMode, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App';
import { I18nProvider, useI18n } from './i18n';
import { en, zh } from './dictionary';
import { applyElderlyMode } from './elderly';
import { registerServiceWorker } from './pwa';
import './mobile.css';

// antd-mobile 5 renders Toast and Dialog itself; with React 19 it needs createRoot handed in.
unstableSetRender((node, container) => {
  const host = container as (Element | DocumentFragment) & { _ccRoot?: Root };
  host._ccRoot ??= createRoot(host);
  const root = host._ccRoot;
  root.render(node);
  return async () => {
    await new Promise((r) => setTimeout(r, 0));
    root.unmount();
    host._ccRoot = undefined;
  };
});

function Localised({ children }: { children: ReactNode }) {
  const { lang, t } = useI18n();
  // antd-mobile's NavBar makes its left side a role="button" with no name: the back arrow says "返回"
  // to a screen reader (axe: aria-command-name)
  const backIcon = (
    <>
      <LeftOutlined aria-hidden />
      <span className="cc-m-sr">{t('action.back')}</span>
    </>
  );
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} navBar={{ backIcon }}>
      {children}
    </ConfigProvider>
  );
}

applyElderlyMode(); // before the first paint: no flash of small text
registerServiceWorker(); // after the page has loaded: offline shell, installable (issue #11)
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider zh={zh} en={en}>
      <Localised>
        <BrowserRouter basename="/m">
          <App />
        </BrowserRouter>
      </Localised>
    </I18nProvider>
  </StrictMode>,
);
