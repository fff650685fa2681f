/** The stations service (红色蜂巢): nearest open station, check-in, worker registration and 五帮 requests; a card in the home page's 服务 grid (listed in web/m/tabs.ts). */
import { EnvironmentOutlined } from '@ant-design/icons';
import { page } from '../../lazy';
import type { ResidentTab } from '../../tab';
import { stationsEn, stationsZh } from './messages';

export const stationsTab: ResidentTab<typeof stationsZh> = {
  path: '/stations',
  alsoAt: ['/stations/help'],
  icon: <EnvironmentOutlined />,
  title: 'st.title',
  testId: 'tab-stations',
  tabBar: false,
  homeCard: { title: 'st.title', hint: 'st.cardHint' },
  routes: [
    { path: '/stations', element: page(() => import('./StationsPage'), 'StationsPage') },
    { path: '/stations/help', element: page(() => import('./HelpPage'), 'HelpPage') },
  ],
  messages: { zh: stationsZh, en: stationsEn },
};
