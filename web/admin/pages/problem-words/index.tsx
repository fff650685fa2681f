/** The console's 常见问题 page (problems in plain words for residents, issue #11), listed in web/admin/modules.tsx. */
import { CommentOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { problemWordsEn, problemWordsZh } from './messages';
import { ProblemWordsPage } from './ProblemWordsPage';

export const problemWordsConsole: ConsoleModule<typeof problemWordsZh> = {
  name: 'problem-words',
  messages: { zh: problemWordsZh, en: problemWordsEn },
  pages: [
    {
      key: 'problem-words',
      path: 'problem-words',
      capability: 'categories.manage',
      group: 'cases',
      icon: <CommentOutlined />,
      label: 'menu.problemWords',
      hint: 'pw.hint',
      element: <ProblemWordsPage />,
    },
  ],
};
