/** The console's coverage module: its pages and menu entries (listed in web/admin/modules.tsx). */
import { PieChartOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { CoveragePage } from './CoveragePage';

export const coverageConsole: ConsoleModule = {
  name: 'coverage',
  pages: [
    {
      key: 'coverage',
      path: 'coverage',
      capability: 'people.read',
      group: 'work',
      icon: <PieChartOutlined />,
      label: 'menu.coverage',
      hint: 'coverage.hint',
      element: <CoveragePage />,
    },
  ],
};
