/** The console's care module (九必问 visits, the register of people in special difficulty, visit rates). */
import { FundOutlined, HeartOutlined, SettingOutlined, SolutionOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { DueVisitsPage } from './DueVisitsPage';
import { careEn, careZh } from './messages';
import { PersonPage } from './PersonPage';
import { RatesPage } from './RatesPage';
import { RegisterPage } from './RegisterPage';
import { SettingsPage } from './SettingsPage';

export const careConsole: ConsoleModule<typeof careZh> = {
  name: 'care',
  messages: { zh: careZh, en: careEn },
  pages: [
    {
      key: 'care-due',
      path: 'care-due',
      capability: 'care.visit',
      group: 'serve',
      icon: <HeartOutlined />,
      label: 'menu.careDue',
      hint: 'care.dueHint',
      element: <DueVisitsPage />,
    },
    {
      key: 'care-register',
      path: 'care-register',
      capability: ['care.register', 'care.visit'],
      group: 'serve',
      icon: <SolutionOutlined />,
      label: 'menu.careRegister',
      hint: 'care.registerHint',
      element: <RegisterPage />,
    },
    {
      key: 'care-rates',
      path: 'care-rates',
      capability: ['care.register', 'care.visit'],
      group: 'serve',
      icon: <FundOutlined />,
      label: 'menu.careRates',
      hint: 'care.ratesHint',
      element: <RatesPage />,
    },
    {
      key: 'care-settings',
      path: 'care-settings',
      capability: 'care.settings',
      group: 'serve',
      icon: <SettingOutlined />,
      label: 'menu.careSettings',
      hint: 'care.settingsHint',
      element: <SettingsPage />,
    },
    {
      key: 'care-person',
      path: 'care/:id',
      capability: ['care.register', 'care.visit'],
      hidden: true,
      group: 'serve',
      icon: <SolutionOutlined />,
      label: 'care.person',
      hint: 'care.registerHint',
      element: <PersonPage />,
    },
  ],
};
