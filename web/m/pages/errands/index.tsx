/** The red-errand service (红色代办, issue #14): a card in the home page's 服务 grid, not a tab. */
import { FlagOutlined } from '@ant-design/icons';
import type { ResidentTab } from '../../tab';
import { ErrandPage } from './ErrandPage';
import { ErrandsPage } from './ErrandsPage';
import { NewErrandPage } from './NewErrandPage';
import { errandsEn, errandsZh } from './messages';

export const errandsTab: ResidentTab<typeof errandsZh> = {
  path: '/errands',
  icon: <FlagOutlined />,
  title: 'err.title',
  testId: 'tab-errands',
  tabBar: false,
  homeCard: { title: 'err.title', hint: 'err.cardHint' },
  routes: [
    { path: '/errands', element: <ErrandsPage /> },
    { path: '/errands/new', element: <NewErrandPage /> },
    { path: '/errands/:id', element: <ErrandPage /> },
  ],
  messages: { zh: errandsZh, en: errandsEn },
};
