/** The console's cases module: its pages and menu entries (listed in web/admin/modules.tsx). */
import {
  CheckSquareOutlined,
  EditOutlined,
  FireOutlined,
  InboxOutlined,
  TagsOutlined,
  ToolOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { casesEn, casesZh } from '../../messages/cases';
import { AllCasesPage } from './AllCasesPage';
import { caseListEn, caseListZh } from './list-messages';
import { CaseDetailPage } from './CaseDetailPage';
import { ReportPage } from '../report/ReportPage';
import { CategoriesPage } from './CategoriesPage';
import { TasksPage, TriagePage, VerifyPage } from './QueuePages';
import { SupervisionPage } from './SupervisionPage';

const zh = { ...casesZh, ...caseListZh };

export const casesConsole: ConsoleModule<typeof zh> = {
  name: 'cases',
  messages: { zh, en: { ...casesEn, ...caseListEn } },
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
      key: 'allCases',
      path: 'cases/all',
      capability: 'cases.read',
      group: 'cases',
      icon: <UnorderedListOutlined />,
      label: 'menu.allCases',
      hint: 'allCases.hint',
      element: <AllCasesPage />,
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
