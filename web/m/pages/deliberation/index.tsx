/** The deliberation service (议事与村务公开): a card on the home page, not a tab (listed in web/m/tabs.ts). */
import { TeamOutlined } from '@ant-design/icons';
import { page } from '../../lazy';
import type { ResidentTab } from '../../tab';
import { deliberationEn, deliberationZh } from './messages';

export const deliberationTab: ResidentTab<typeof deliberationZh> = {
  path: '/deliberation',
  icon: <TeamOutlined />,
  title: 'dlb.card',
  testId: 'service-deliberation',
  tabBar: false,
  homeCard: { title: 'dlb.card', hint: 'dlb.cardHint' },
  routes: [
    { path: '/deliberation', element: page(() => import('./DeliberationPage'), 'DeliberationPage') },
    { path: '/deliberation/matters/:id', element: page(() => import('./MatterPage'), 'MatterPage') },
  ],
  messages: { zh: deliberationZh, en: deliberationEn },
};
