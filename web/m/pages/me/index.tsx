/** The me tab (我的): my place, my reports and my notifications (listed in web/m/tabs.ts). */
import { UserOutlined } from '@ant-design/icons';
import type { ResidentTab } from '../../tab';
import { NotificationsPage } from '../notifications/NotificationsPage';
import { MyReportsPage } from '../reports/MyReportsPage';
import { ReportDetailPage } from '../reports/ReportDetailPage';
import { MePage } from './MePage';

export const meTab: ResidentTab = {
  path: '/me',
  alsoAt: ['/notifications'],
  icon: <UserOutlined />,
  title: 'tab.me',
  testId: 'tab-me',
  routes: [
    { path: '/me', element: <MePage /> },
    { path: '/me/reports', element: <MyReportsPage /> },
    { path: '/me/reports/:id', element: <ReportDetailPage /> },
    { path: '/notifications', element: <NotificationsPage /> },
  ],
};
