/** The console's beehive module: stations and agreements, workers, 五帮 requests (listed in web/admin/modules.tsx). */
import { ApartmentOutlined, HomeOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { allianceEn, allianceZh } from './alliance-messages';
import { AlliancePage } from './AlliancePage';
import { RequestsPage, WorkersPage } from './HelpPages';
import { beehiveEn, beehiveZh } from './messages';
import { StationsPage } from './StationsPage';

const zh = { ...beehiveZh, ...allianceZh };

export const beehiveConsole: ConsoleModule<typeof zh> = {
  name: 'beehive',
  messages: { zh, en: { ...beehiveEn, ...allianceEn } },
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
    {
      key: 'beehive-alliance',
      path: 'beehive-alliance',
      capability: ['beehive.read', 'beehive.requests'],
      group: 'beehive',
      icon: <ApartmentOutlined />,
      label: 'menu.bhAlliance',
      hint: 'al.hint',
      element: <AlliancePage />,
    },
  ],
};
