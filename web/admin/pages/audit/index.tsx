/** The console's audit module: its pages and menu entries (listed in web/admin/modules.tsx). */
import { AuditOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { AuditPage } from './AuditPage';

export const auditConsole: ConsoleModule = {
  name: 'audit',
  pages: [
    {
      key: 'audit',
      path: 'audit',
      capability: 'audit.read',
      group: 'admin',
      icon: <AuditOutlined />,
      label: 'menu.audit',
      hint: 'audit.hint',
      element: <AuditPage />,
    },
  ],
};
