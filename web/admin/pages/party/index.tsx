/** The console's party module: its pages and menu entries (listed in web/admin/modules.tsx). */
import { ClusterOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { PartyOrgsPage } from './PartyOrgsPage';

export const partyConsole: ConsoleModule = {
  name: 'party',
  pages: [
    {
      key: 'party-orgs',
      path: 'party-orgs',
      capability: 'people.read',
      group: 'work',
      icon: <ClusterOutlined />,
      label: 'menu.partyOrgs',
      hint: 'party.hint',
      element: <PartyOrgsPage />,
    },
  ],
};
