/** 村集体经济 (a service on the home page, not a tab): the village's collective income (listed in web/m/tabs.ts). */
import { BankOutlined } from '@ant-design/icons';
import { page } from '../../lazy';
import type { ResidentTab } from '../../tab';
import { economyMEn, economyMZh } from './messages';

export const economyService: ResidentTab<typeof economyMZh> = {
  path: '/economy',
  icon: <BankOutlined />,
  title: 'econ.m.title',
  testId: 'economy',
  tabBar: false,
  homeCard: { title: 'econ.m.title', hint: 'econ.m.hint' },
  routes: [{ path: '/economy', element: page(() => import('./VillageIncomePage'), 'VillageIncomePage') }],
  messages: { zh: economyMZh, en: economyMEn },
};
