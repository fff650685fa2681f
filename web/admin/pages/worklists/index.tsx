/** The console's three lists (问题、任务、效果 三个清单): the board and a problem's page. */
import { OrderedListOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { worklistsEn, worklistsZh } from './messages';
import { ProblemPage } from './ProblemPage';
import { ProblemsPage } from './ProblemsPage';

export const worklistsConsole: ConsoleModule<typeof worklistsZh> = {
  name: 'worklists',
  messages: { zh: worklistsZh, en: worklistsEn },
  pages: [
    {
      key: 'worklists',
      path: 'worklists',
      capability: 'worklists.read',
      group: 'serve',
      icon: <OrderedListOutlined />,
      label: 'menu.worklists',
      hint: 'wl.hint',
      element: <ProblemsPage />,
    },
    {
      key: 'worklist',
      path: 'worklists/:id',
      capability: 'worklists.read',
      hidden: true,
      group: 'serve',
      icon: <OrderedListOutlined />,
      label: 'wl.problem',
      hint: 'wl.hint',
      element: <ProblemPage />,
    },
  ],
};
