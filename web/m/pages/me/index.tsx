/** The me tab (我的): my place, my reports, my notifications and my honours (listed in web/m/tabs.ts). */
import { UserOutlined } from '@ant-design/icons';
import { page } from '../../lazy';
import type { ResidentTab } from '../../tab';

export const meTab: ResidentTab = {
  path: '/me',
  alsoAt: ['/notifications', '/selections/honours'], // 我的荣誉 is reached from 我的
  icon: <UserOutlined />,
  title: 'tab.me',
  testId: 'tab-me',
  routes: [
    { path: '/me', element: page(() => import('./MePage'), 'MePage') },
    { path: '/me/reports', element: page(() => import('../reports/MyReportsPage'), 'MyReportsPage') },
    { path: '/me/reports/:id', element: page(() => import('../reports/ReportDetailPage'), 'ReportDetailPage') },
    { path: '/notifications', element: page(() => import('../notifications/NotificationsPage'), 'NotificationsPage') },
  ],
};
