/** 身边的事 (a service on the home page, not a tab): public reports near me and their progress (listed in web/m/tabs.ts). */
import { EyeOutlined } from '@ant-design/icons';
import { page } from '../../lazy';
import type { ResidentTab } from '../../tab';
import { nearbyEn, nearbyZh } from './messages';

export const nearbyService: ResidentTab<typeof nearbyZh> = {
  path: '/nearby',
  icon: <EyeOutlined />,
  title: 'nearby.title',
  testId: 'nearby',
  tabBar: false,
  homeCard: { title: 'nearby.title', hint: 'nearby.hint' },
  routes: [
    { path: '/nearby', element: page(() => import('./NearbyPage'), 'NearbyPage') },
    { path: '/nearby/:number', element: page(() => import('./PublicCasePage'), 'PublicCasePage') },
  ],
  messages: { zh: nearbyZh, en: nearbyEn },
};
