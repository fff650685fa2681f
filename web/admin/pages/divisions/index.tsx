/** The console's divisions module: its pages and menu entries (listed in web/admin/modules.tsx). */
import { ApartmentOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { DivisionsPage } from './DivisionsPage';

export const divisionsConsole: ConsoleModule = {
  name: 'divisions',
  pages: [
    {
      key: 'divisions',
      path: 'divisions',
      capability: 'divisions.browse',
      group: 'work',
      icon: <ApartmentOutlined />,
      label: 'menu.divisions',
      hint: 'divisions.hint',
      element: <DivisionsPage />,
    },
  ],
};
