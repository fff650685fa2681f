/** The service-activities service (志愿服务, issue #14): a card in the home page's 服务 grid, not a tab. */
import { HeartOutlined } from '@ant-design/icons';
import { page } from '../../lazy';
import type { ResidentTab } from '../../tab';
import { activitiesEn, activitiesZh } from './messages';

export const activitiesTab: ResidentTab<typeof activitiesZh> = {
  path: '/activities',
  icon: <HeartOutlined />,
  title: 'act.title',
  testId: 'tab-activities',
  tabBar: false,
  homeCard: { title: 'act.title', hint: 'act.cardHint' },
  routes: [
    { path: '/activities', element: page(() => import('./ActivitiesPage'), 'ActivitiesPage') },
    { path: '/activities/:id', element: page(() => import('./ActivityPage'), 'ActivityPage') },
  ],
  messages: { zh: activitiesZh, en: activitiesEn },
};
