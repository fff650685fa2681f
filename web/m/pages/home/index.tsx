/** The home tab (首页): greeting, household and the services (listed in web/m/tabs.ts). */
import { HomeOutlined } from '@ant-design/icons';
import { page } from '../../lazy';
import type { ResidentTab } from '../../tab';

export const homeTab: ResidentTab = {
  path: '/',
  icon: <HomeOutlined />,
  title: 'tab.home',
  testId: 'tab-home',
  routes: [{ path: '*', element: page(() => import('./HomePage'), 'HomePage') }], // the fallback: any other path shows home
};
