/** The red-errand service (红色代办, issue #14): a card in the home page's 服务 grid, not a tab. */
import { FlagOutlined } from '@ant-design/icons';
import { page } from '../../lazy';
import type { ResidentTab } from '../../tab';
import { errandsEn, errandsZh } from './messages';

export const errandsTab: ResidentTab<typeof errandsZh> = {
  path: '/errands',
  icon: <FlagOutlined />,
  title: 'err.title',
  testId: 'tab-errands',
  tabBar: false,
  homeCard: { title: 'err.title', hint: 'err.cardHint' },
  routes: [
    { path: '/errands', element: page(() => import('./ErrandsPage'), 'ErrandsPage') },
    { path: '/errands/new', element: page(() => import('./NewErrandPage'), 'NewErrandPage') },
    { path: '/errands/:id', element: page(() => import('./ErrandPage'), 'ErrandPage') },
  ],
  messages: { zh: errandsZh, en: errandsEn },
};
