/** The console's sms-outbox module: its pages and menu entries (listed in web/admin/modules.tsx). */
import { MailOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { SmsOutboxPage } from './SmsOutboxPage';

export const smsOutboxConsole: ConsoleModule = {
  name: 'sms-outbox',
  pages: [
    {
      key: 'sms-outbox',
      path: 'sms-outbox',
      capability: 'sms_outbox.read',
      group: 'admin',
      icon: <MailOutlined />,
      label: 'menu.smsOutbox',
      hint: 'sms.hint',
      element: <SmsOutboxPage />,
    },
  ],
};
