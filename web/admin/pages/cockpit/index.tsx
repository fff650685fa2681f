/**
 * The console's cockpit (驾驶舱, #17): its page and menu entry (listed in web/admin/modules.tsx). The big
 * screen (/admin/screen) is not a page of the console: App.tsx routes it outside the session gate.
 */
import { DashboardOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { CockpitPage } from './CockpitPage';
import { cockpitEn, cockpitZh } from './messages';

export const cockpitConsole: ConsoleModule<typeof cockpitZh> = {
  name: 'cockpit',
  messages: { zh: cockpitZh, en: cockpitEn },
  pages: [
    {
      key: 'cockpit',
      path: 'cockpit',
      capability: 'cockpit.read',
      group: 'work',
      icon: <DashboardOutlined />,
      label: 'menu.cockpit',
      hint: 'ck.hint',
      element: <CockpitPage />,
    },
  ],
};
