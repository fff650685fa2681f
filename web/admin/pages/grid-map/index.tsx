/** The console's grid-map module: its pages and menu entries (listed in web/admin/modules.tsx). */
import { AimOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { GridMapPage } from './GridMapPage';

export const gridMapConsole: ConsoleModule = {
  name: 'grid-map',
  pages: [
    {
      key: 'grid-map',
      path: 'grid-map',
      capability: 'people.read',
      group: 'work',
      icon: <AimOutlined />,
      label: 'menu.gridMap',
      hint: 'map.hint',
      element: <GridMapPage />,
    },
  ],
};
