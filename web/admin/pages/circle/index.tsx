/** The console's service-circle module: coverage map and report (listed in web/admin/modules.tsx). */
import { RadarChartOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { CoveragePage } from './CoveragePage';
import { circleEn, circleZh } from './messages';

export const circleConsole: ConsoleModule<typeof circleZh> = {
  name: 'circle',
  messages: { zh: circleZh, en: circleEn },
  pages: [
    {
      key: 'circle',
      path: 'circle',
      capability: 'circle.read',
      group: 'beehive',
      icon: <RadarChartOutlined />,
      label: 'menu.circle',
      hint: 'circle.hint',
      element: <CoveragePage />,
    },
  ],
};
