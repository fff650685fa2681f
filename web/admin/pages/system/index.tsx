/** The console's system module: its pages and menu entries (listed in web/admin/modules.tsx). */
import { SettingOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { SystemPage } from './SystemPage';

export const systemConsole: ConsoleModule = {
  name: 'system',
  pages: [
    {
      key: 'system',
      path: 'system',
      capability: 'config.read',
      group: 'admin',
      icon: <SettingOutlined />,
      label: 'menu.system',
      hint: 'system.hint',
      element: <SystemPage />,
    },
  ],
};
