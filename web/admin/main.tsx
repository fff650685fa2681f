/** The staff console (工作台): Ant Design, zh-CN / English, served at /admin. */
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App';
import { en, zh } from './dictionary';
import { I18nProvider, useI18n } from './i18n';
import './console.css';

function Themed({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={{
        token: { colorPrimary: '#b7141b', borderRadius: 4, fontSize: 14 },
        components: {
          Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerHeight: 56, headerPadding: '0 20px' },
          Table: { headerBg: '#f5f6f8' },
        },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider zh={zh} en={en}>
      <Themed>
        <BrowserRouter basename="/admin">
          <App />
        </BrowserRouter>
      </Themed>
    </I18nProvider>
  </StrictMode>,
);
