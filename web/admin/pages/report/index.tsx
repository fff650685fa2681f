/** The console's report module: its pages and menu entries (listed in web/admin/modules.tsx). */
import { EditOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { ReportPage } from './ReportPage';

export const reportConsole: ConsoleModule = {
  name: 'report',
  pages: [
    {
      key: 'report',
      path: 'report',
      capability: 'cases.report',
      group: 'cases',
      icon: <EditOutlined />,
      label: 'menu.report',
      hint: 'report.hint',
      element: <ReportPage />,
    },
  ],
};
