/** The console's beehive module: stations and agreements, workers, 五帮 requests (listed in web/admin/modules.tsx). */
import { HomeOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { RequestsPage, WorkersPage } from './HelpPages';
import { beehiveEn, beehiveZh } from './messages';
import { StationsPage } from './StationsPage';

export const beehiveConsole: ConsoleModule<typeof beehiveZh> = {
  name: 'beehive',
  messages: { zh: beehiveZh, en: beehiveEn },
  pages: [
    {
      key: 'beehive-stations',
      path: 'beehive-stations',
      capability: 'beehive.read',
      group: 'beehive',
      icon: <HomeOutlined />,
      label: 'menu.bhStations',
      hint: 'bh.stationsHint',
      element: <StationsPage />,
    },
    {
      key: 'beehive-workers',
      path: 'beehive-workers',
      capability: 'beehive.read',
      group: 'beehive',
      icon: <TeamOutlined />,
      label: 'menu.bhWorkers',
      hint: 'bh.workersHint',
      element: <WorkersPage />,
    },
    {
      key: 'beehive-requests',
      path: 'beehive-requests',
      capability: 'beehive.requests',
      group: 'beehive',
      icon: <SolutionOutlined />,
      label: 'menu.bhRequests',
      hint: 'bh.requestsHint',
      element: <RequestsPage />,
    },
  ],
};
