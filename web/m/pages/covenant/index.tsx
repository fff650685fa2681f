/** 我的村规民约 (a service on the home page, not a tab): the covenant in force of my village (listed in web/m/tabs.ts). */
import { BookOutlined } from '@ant-design/icons';
import { page } from '../../lazy';
import type { ResidentTab } from '../../tab';
import { covenantMEn, covenantMZh } from './messages';

export const covenantService: ResidentTab<typeof covenantMZh> = {
  path: '/covenant',
  icon: <BookOutlined />,
  title: 'cov.m.title',
  testId: 'covenant',
  tabBar: false,
  homeCard: { title: 'cov.m.title', hint: 'cov.m.hint' },
  routes: [{ path: '/covenant', element: page(() => import('./CovenantPage'), 'CovenantPage') }],
  messages: { zh: covenantMZh, en: covenantMEn },
};
