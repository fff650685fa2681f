/** The console's roles module: its pages and menu entries (listed in web/admin/modules.tsx). */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { RolesPage } from './RolesPage';

export const rolesConsole: ConsoleModule = {
  name: 'roles',
  pages: [
    {
      key: 'roles',
      path: 'roles',
      capability: 'roles.manage',
      group: 'admin',
      icon: <SafetyCertificateOutlined />,
      label: 'menu.roles',
      hint: 'roles.hint',
      element: <RolesPage />,
    },
  ],
};
