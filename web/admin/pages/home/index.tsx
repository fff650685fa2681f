/** The console's home module: its pages and menu entries (listed in web/admin/modules.tsx). */
import { HomeOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { HomePage } from './HomePage';

export const homeConsole: ConsoleModule = {
  name: 'home',
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
