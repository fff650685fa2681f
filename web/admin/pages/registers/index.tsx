/** The console's registers module: its pages and menu entries (listed in web/admin/modules.tsx). */
import { UploadOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { registersEn, registersZh } from '../../messages/registers';
import { ImportWizard } from './ImportWizard';

export const registersConsole: ConsoleModule<typeof registersZh> = {
  name: 'registers',
  messages: { zh: registersZh, en: registersEn },
  pages: [
    {
      key: 'registers',
      path: 'registers',
      capability: 'people.edit',
      group: 'work',
      icon: <UploadOutlined />,
      label: 'menu.registers',
      hint: 'imp.hint',
      element: <ImportWizard />,
    },
  ],
};
