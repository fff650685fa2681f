/** The console's accounts module: its pages and menu entries (listed in web/admin/modules.tsx). */
import { UserOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { AccountsPage } from './AccountsPage';

export const accountsConsole: ConsoleModule = {
  name: 'accounts',
  pages: [
    {
      key: 'accounts',
      path: 'accounts',
      capability: 'accounts.manage',
      group: 'admin',
      icon: <UserOutlined />,
      label: 'menu.accounts',
      hint: 'accounts.hint',
      element: <AccountsPage />,
    },
  ],
};
