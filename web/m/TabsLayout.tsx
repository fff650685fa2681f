/** The tabbed app: 首页 home, 上报 report, 积分 points and 我的 me (my reports, notifications), with the tab bar at the bottom. */
import { TabBar } from 'antd-mobile';
import { CameraOutlined, GiftOutlined, HomeOutlined, UserOutlined } from '@ant-design/icons';
import { Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from './i18n';
import { HomePage } from './pages/home/HomePage';
import { MePage } from './pages/me/MePage';
import { NotificationsPage } from './pages/notifications/NotificationsPage';
import { PointsPage } from './pages/points/PointsPage';
import { ReportDone } from './pages/report/ReportDone';
import { ReportPage } from './pages/report/ReportPage';
import { MyReportsPage } from './pages/reports/MyReportsPage';
import { ReportDetailPage } from './pages/reports/ReportDetailPage';

export function TabsLayout() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active =
    pathname.startsWith('/me') || pathname.startsWith('/notifications')
      ? '/me'
      : pathname.startsWith('/report')
        ? '/report'
        : pathname.startsWith('/points')
          ? '/points'
          : '/';
  return (
    <div className="cc-m-tabs">
      <div className="cc-m-body">
        <Routes>
          <Route path="/me" element={<MePage />} />
          <Route path="/me/reports" element={<MyReportsPage />} />
          <Route path="/me/reports/:id" element={<ReportDetailPage />} />
          <Route path="/notifications" element={<NotificationsPage />} />
          <Route path="/points" element={<PointsPage />} />
          <Route path="/report" element={<ReportPage />} />
          <Route path="/report/done/:id" element={<ReportDone />} />
          <Route path="*" element={<HomePage />} />
        </Routes>
      </div>
      <div className="cc-m-tabbar">
        <TabBar activeKey={active} onChange={(k) => navigate(k)} safeArea>
          <TabBar.Item key="/" icon={<HomeOutlined />} title={t('tab.home')} data-testid="tab-home" />
          <TabBar.Item key="/report" icon={<CameraOutlined />} title={t('tab.report')} data-testid="tab-report" />
          <TabBar.Item key="/points" icon={<GiftOutlined />} title={t('tab.points')} data-testid="tab-points" />
          <TabBar.Item key="/me" icon={<UserOutlined />} title={t('tab.me')} data-testid="tab-me" />
        </TabBar>
      </div>
    </div>
  );
}
