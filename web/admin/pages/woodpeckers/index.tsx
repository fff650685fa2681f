/** The console's woodpecker enrolment: applications to decide and the roster (台账) with export. */
import { TeamOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { woodpeckersEn, woodpeckersZh } from './messages';
import { WoodpeckersPage } from './WoodpeckersPage';

export const woodpeckersConsole: ConsoleModule<typeof woodpeckersZh> = {
  name: 'woodpeckers',
  messages: { zh: woodpeckersZh, en: woodpeckersEn },
  pages: [
    {
      key: 'woodpeckers',
      path: 'woodpeckers',
      capability: 'woodpeckers.read',
      group: 'cases',
      icon: <TeamOutlined />,
      label: 'menu.woodpeckers',
      hint: 'wp.hint',
      element: <WoodpeckersPage />,
    },
  ],
};
