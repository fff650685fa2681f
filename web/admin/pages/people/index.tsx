/** The console's people module: its pages and menu entries (listed in web/admin/modules.tsx). */
import { SearchOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { peopleEn, peopleZh } from '../../messages/people';
import { PeoplePage } from './PeoplePage';

export const peopleConsole: ConsoleModule<typeof peopleZh> = {
  name: 'people',
  messages: { zh: peopleZh, en: peopleEn },
  pages: [
    {
      key: 'people',
      path: 'people',
      capability: 'people.read',
      group: 'work',
      icon: <SearchOutlined />,
      label: 'menu.people',
      hint: 'people.hint',
      element: <PeoplePage />,
    },
  ],
};
