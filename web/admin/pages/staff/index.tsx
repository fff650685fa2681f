/** The console's staff module: its pages and menu entries (listed in web/admin/modules.tsx). */
import { TeamOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { StaffPage } from './StaffPage';

export const staffConsole: ConsoleModule = {
  name: 'staff',
  pages: [
    {
      key: 'staff',
      path: 'staff',
      capability: 'staff.read',
      group: 'work',
      icon: <TeamOutlined />,
      label: 'menu.staff',
      hint: 'staff.hint',
      element: <StaffPage />,
    },
  ],
};
