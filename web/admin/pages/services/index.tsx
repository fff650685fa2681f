/** The console's services module (issue #14): activities, errands, partner registers (listed in web/admin/modules.tsx). */
import { CalendarOutlined, FlagOutlined, TeamOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { ActivitiesPage } from './ActivitiesPage';
import { ErrandsPage } from './ErrandsPage';
import { servicesEn, servicesZh } from './messages';
import { RegistersPage } from './RegistersPage';

export const servicesConsole: ConsoleModule<typeof servicesZh> = {
  name: 'services',
  messages: { zh: servicesZh, en: servicesEn },
  pages: [
    {
      key: 'services-activities',
      path: 'services-activities',
      capability: 'services.manage',
      group: 'serve',
      icon: <CalendarOutlined />,
      label: 'menu.svcActivities',
      hint: 'svc.activitiesHint',
      element: <ActivitiesPage />,
    },
    {
      key: 'services-errands',
      path: 'services-errands',
      capability: 'services.manage',
      group: 'serve',
      icon: <FlagOutlined />,
      label: 'menu.svcErrands',
      hint: 'svc.errandsHint',
      element: <ErrandsPage />,
    },
    {
      key: 'services-registers',
      path: 'services-registers',
      capability: ['services.registers', 'services.manage'],
      group: 'serve',
      icon: <TeamOutlined />,
      label: 'menu.svcRegisters',
      hint: 'svc.registersHint',
      element: <RegistersPage />,
    },
  ],
};
