/** The console's cases module: its pages and menu entries (listed in web/admin/modules.tsx). */
import {
  CheckSquareOutlined,
  EditOutlined,
  FireOutlined,
  InboxOutlined,
  TagsOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { casesEn, casesZh } from '../../messages/cases';
import { CaseDetailPage } from './CaseDetailPage';
import { ReportPage } from '../report/ReportPage';
import { CategoriesPage } from './CategoriesPage';
import { TasksPage, TriagePage, VerifyPage } from './QueuePages';
import { SupervisionPage } from './SupervisionPage';

export const casesConsole: ConsoleModule<typeof casesZh> = {
  name: 'cases',
  messages: { zh: casesZh, en: casesEn },
  pages: [
    {
      key: 'triage',
      path: 'triage',
      capability: 'cases.triage',
      group: 'cases',
      icon: <InboxOutlined />,
      label: 'menu.triage',
      hint: 'triage.hint',
      element: <TriagePage />,
    },
    {
      key: 'tasks',
      path: 'tasks',
      capability: 'cases.handle',
      group: 'cases',
      icon: <ToolOutlined />,
      label: 'menu.tasks',
      hint: 'tasks.hint',
      element: <TasksPage />,
    },
    {
      key: 'verify',
      path: 'verify',
      capability: 'cases.verify',
      group: 'cases',
      icon: <CheckSquareOutlined />,
      label: 'menu.verify',
      hint: 'verify.hint',
      element: <VerifyPage />,
    },
    {
      key: 'supervision',
      path: 'supervision',
      capability: 'cases.supervise',
      group: 'cases',
      icon: <FireOutlined />,
      label: 'menu.supervision',
      hint: 'supervision.hint',
      element: <SupervisionPage />,
    },
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
    {
      key: 'categories',
      path: 'categories',
      capability: 'categories.manage',
      group: 'cases',
      icon: <TagsOutlined />,
      label: 'menu.categories',
      hint: 'cat.hint',
      element: <CategoriesPage />,
    },
    {
      key: 'case',
      path: 'cases/:id',
      capability: 'cases.read',
      hidden: true,
      group: 'cases',
      icon: <InboxOutlined />,
      label: 'case.details',
      hint: 'case.details',
      element: <CaseDetailPage />,
    },
  ],
};
