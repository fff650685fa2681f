/** The console's home module: its pages and menu entries (listed in web/admin/modules.tsx). */
import { HomeOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { HomePage } from './HomePage';
import { homeTodayEn, homeTodayZh } from './messages';

export const homeConsole: ConsoleModule<typeof homeTodayZh> = {
  name: 'home',
  messages: { zh: homeTodayZh, en: homeTodayEn },
  pages: [
    {
      key: 'home',
      path: '',
      capability: 'console.use',
      group: 'work',
      icon: <HomeOutlined />,
      label: 'menu.home',
      hint: 'home.hint',
      element: <HomePage />,
    },
  ],
};
