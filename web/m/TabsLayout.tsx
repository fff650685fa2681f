/** The tabbed app: 首页 home and 我的 me, with the tab bar at the bottom. */
import { TabBar } from 'antd-mobile';
import { HomeOutlined, UserOutlined } from '@ant-design/icons';
import { Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from './i18n';
import { HomePage } from './pages/home/HomePage';
import { MePage } from './pages/me/MePage';

export function TabsLayout() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = pathname.startsWith('/me') ? '/me' : '/';
  return (
    <div className="cc-m-tabs">
      <div className="cc-m-body">
        <Routes>
          <Route path="/me" element={<MePage />} />
          <Route path="*" element={<HomePage />} />
        </Routes>
      </div>
      <div className="cc-m-tabbar">
        <TabBar activeKey={active} onChange={(k) => navigate(k)} safeArea>
          <TabBar.Item key="/" icon={<HomeOutlined />} title={t('tab.home')} data-testid="tab-home" />
          <TabBar.Item key="/me" icon={<UserOutlined />} title={t('tab.me')} data-testid="tab-me" />
        </TabBar>
      </div>
    </div>
  );
}
