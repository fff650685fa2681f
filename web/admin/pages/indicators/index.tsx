/** The console's indicators module: its pages and menu entries (listed in web/admin/modules.tsx). */
import { BarChartOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { IndicatorsPage } from './IndicatorsPage';

export const indicatorsConsole: ConsoleModule = {
  name: 'indicators',
  pages: [
    {
      key: 'indicators',
      path: 'indicators',
      capability: 'indicators.read',
      group: 'cases',
      icon: <BarChartOutlined />,
      label: 'menu.indicators',
      hint: 'ind.hint',
      element: <IndicatorsPage />,
    },
  ],
};
