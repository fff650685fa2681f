/** The resident service 评选 (selections): a card in the home page's 服务 grid, not a tab (listed in web/m/tabs.ts). */
import { TrophyOutlined } from '@ant-design/icons';
import { page } from '../../lazy';
import type { ResidentTab } from '../../tab';
import { selectionsMEn, selectionsMZh } from './messages';

export const selectionsTab: ResidentTab<typeof selectionsMZh> = {
  path: '/selections',
  icon: <TrophyOutlined />,
  title: 'tab.selections',
  testId: 'tab-selections',
  tabBar: false,
  homeCard: { title: 'msel.card', hint: 'msel.cardHint' },
  routes: [
    { path: '/selections', element: page(() => import('./SelectionsList'), 'SelectionsList') },
    { path: '/selections/honours', element: page(() => import('./MyHonours'), 'MyHonours') },
    { path: '/selections/:id', element: page(() => import('./SelectionDetail'), 'SelectionDetail') },
  ],
  messages: { zh: selectionsMZh, en: selectionsMEn },
};
