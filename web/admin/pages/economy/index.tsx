/** The console's collective-economy module (村级集体经济, #16): incomes, the share above the threshold, registers. */
import { BankOutlined, BarChartOutlined, FileTextOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { IncomesPage } from './IncomesPage';
import { economyEn, economyZh } from './messages';
import { RegistersPage } from './RegistersPage';
import { SharePage } from './SharePage';

export const economyConsole: ConsoleModule<typeof economyZh> = {
  name: 'economy',
  messages: { zh: economyZh, en: economyEn },
  pages: [
    {
      key: 'economy-incomes',
      path: 'economy-incomes',
      capability: 'economy.read',
      group: 'economy',
      icon: <BankOutlined />,
      label: 'menu.econIncomes',
      hint: 'econ.incomesHint',
      element: <IncomesPage />,
    },
    {
      key: 'economy-share',
      path: 'economy-share',
      capability: 'economy.read',
      group: 'economy',
      icon: <BarChartOutlined />,
      label: 'menu.econShare',
      hint: 'econ.shareHint',
      element: <SharePage />,
    },
    {
      key: 'economy-registers',
      path: 'economy-registers',
      capability: 'economy.read',
      group: 'economy',
      icon: <FileTextOutlined />,
      label: 'menu.econRegisters',
      hint: 'econ.registersHint',
      element: <RegistersPage />,
    },
  ],
};
