/** The points tab (积分): balance, shop, redemptions, publicity (listed in web/m/tabs.ts). */
import { GiftOutlined } from '@ant-design/icons';
import { pointsEn, pointsZh } from '../../messages/points';
import { page } from '../../lazy';
import type { ResidentTab } from '../../tab';

export const pointsTab: ResidentTab<typeof pointsZh> = {
  path: '/points',
  icon: <GiftOutlined />,
  title: 'tab.points',
  testId: 'tab-points',
  routes: [{ path: '/points', element: page(() => import('./PointsPage'), 'PointsPage') }],
  messages: { zh: pointsZh, en: pointsEn },
};
