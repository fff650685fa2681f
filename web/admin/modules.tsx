/** The console's modules: menu entries and routes, each shown to users holding its capability (menus follow the server). */
import {
  AccountBookOutlined,
  AimOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  ControlOutlined,
  EditOutlined,
  FileProtectOutlined,
  FireOutlined,
  GiftOutlined,
  HomeOutlined,
  NotificationOutlined,
  OrderedListOutlined,
  QrcodeOutlined,
  InboxOutlined,
  MailOutlined,
  PieChartOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
  SettingOutlined,
  TagsOutlined,
  TeamOutlined,
  ToolOutlined,
  UploadOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Capability, Me } from '../shared/types';
import type { MessageKey } from './i18n';
import { AccountsPage } from './pages/accounts/AccountsPage';
import { AuditPage } from './pages/audit/AuditPage';
import { CaseDetailPage } from './pages/cases/CaseDetailPage';
import { CategoriesPage } from './pages/cases/CategoriesPage';
import { SupervisionPage } from './pages/cases/SupervisionPage';
import { TasksPage, TriagePage, VerifyPage } from './pages/cases/QueuePages';
import { CoveragePage } from './pages/coverage/CoveragePage';
import { DivisionsPage } from './pages/divisions/DivisionsPage';
import { GridMapPage } from './pages/grid-map/GridMapPage';
import { HomePage } from './pages/home/HomePage';
import { IndicatorsPage } from './pages/indicators/IndicatorsPage';
import { PartyOrgsPage } from './pages/party/PartyOrgsPage';
import { PeoplePage } from './pages/people/PeoplePage';
import { AwardsPage } from './pages/points/AwardsPage';
import { ItemsPage } from './pages/points/ItemsPage';
import { LedgerPage } from './pages/points/LedgerPage';
import { PickupPage } from './pages/points/PickupPage';
import { PublicityPage } from './pages/points/PublicityPage';
import { RulesPage } from './pages/points/RulesPage';
import { SettingsPage } from './pages/points/SettingsPage';
import { ImportWizard } from './pages/registers/ImportWizard';
import { ReportPage } from './pages/report/ReportPage';
import { RolesPage } from './pages/roles/RolesPage';
import { SmsOutboxPage } from './pages/sms-outbox/SmsOutboxPage';
import { StaffPage } from './pages/staff/StaffPage';
import { SystemPage } from './pages/system/SystemPage';

export interface ConsoleModule {
  key: string;
  /** Path under /admin; '' is the overview. */
  path: string;
  /** Shown to holders of this capability (or of any of these); the server still decides every action. */
  capability: Capability | readonly Capability[];
  /** A route without a menu entry (e.g. a case's detail page). */
  hidden?: boolean;
  group: 'work' | 'cases' | 'points' | 'admin';
  icon: ReactNode;
  label: MessageKey;
  hint: MessageKey;
  element: ReactNode;
}

export const MODULES: ConsoleModule[] = [
  {
    key: 'home',
    path: '',
    capability: 'console.use',
    group: 'work',
    icon: <HomeOutlined />,
    label: 'menu.home',
    hint: 'home.hint',
    element: <HomePage />,
  },
  {
    key: 'divisions',
    path: 'divisions',
    capability: 'divisions.browse',
    group: 'work',
    icon: <ApartmentOutlined />,
    label: 'menu.divisions',
    hint: 'divisions.hint',
    element: <DivisionsPage />,
  },
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
  {
    key: 'coverage',
    path: 'coverage',
    capability: 'people.read',
    group: 'work',
    icon: <PieChartOutlined />,
    label: 'menu.coverage',
    hint: 'coverage.hint',
    element: <CoveragePage />,
  },
  {
    key: 'grid-map',
    path: 'grid-map',
    capability: 'people.read',
    group: 'work',
    icon: <AimOutlined />,
    label: 'menu.gridMap',
    hint: 'map.hint',
    element: <GridMapPage />,
  },
  {
    key: 'party-orgs',
    path: 'party-orgs',
    capability: 'people.read',
    group: 'work',
    icon: <ClusterOutlined />,
    label: 'menu.partyOrgs',
    hint: 'party.hint',
    element: <PartyOrgsPage />,
  },
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
  {
    key: 'staff',
    path: 'staff',
    capability: 'staff.read',
    group: 'work',
    icon: <TeamOutlined />,
    label: 'menu.staff',
    hint: 'staff.hint',
    element: <StaffPage />,
  },
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
    key: 'indicators',
    path: 'indicators',
    capability: 'indicators.read',
    group: 'cases',
    icon: <BarChartOutlined />,
    label: 'menu.indicators',
    hint: 'ind.hint',
    element: <IndicatorsPage />,
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
  {
    key: 'points-awards',
    path: 'points-awards',
    capability: 'points.read',
    group: 'points',
    icon: <FileProtectOutlined />,
    label: 'menu.pointsAwards',
    hint: 'pts.awardsHint',
    element: <AwardsPage />,
  },
  {
    key: 'points-publicity',
    path: 'points-publicity',
    capability: 'points.read',
    group: 'points',
    icon: <NotificationOutlined />,
    label: 'menu.pointsPublicity',
    hint: 'pts.publicityHint',
    element: <PublicityPage />,
  },
  {
    key: 'points-pickup',
    path: 'points-pickup',
    capability: 'points.shop',
    group: 'points',
    icon: <QrcodeOutlined />,
    label: 'menu.pointsPickup',
    hint: 'pts.pickupHint',
    element: <PickupPage />,
  },
  {
    key: 'points-items',
    path: 'points-items',
    capability: 'points.read',
    group: 'points',
    icon: <GiftOutlined />,
    label: 'menu.pointsItems',
    hint: 'pts.itemsHint',
    element: <ItemsPage />,
  },
  {
    key: 'points-ledger',
    path: 'points-ledger',
    capability: 'points.read',
    group: 'points',
    icon: <AccountBookOutlined />,
    label: 'menu.pointsLedger',
    hint: 'pts.ledgerHint',
    element: <LedgerPage />,
  },
  {
    key: 'points-rules',
    path: 'points-rules',
    capability: 'points.read',
    group: 'points',
    icon: <OrderedListOutlined />,
    label: 'menu.pointsRules',
    hint: 'pts.rulesHint',
    element: <RulesPage />,
  },
  {
    key: 'points-settings',
    path: 'points-settings',
    capability: ['points.read', 'points.settings'],
    group: 'points',
    icon: <ControlOutlined />,
    label: 'menu.pointsSettings',
    hint: 'pts.settingsHint',
    element: <SettingsPage />,
  },
  {
    key: 'accounts',
    path: 'accounts',
    capability: 'accounts.manage',
    group: 'admin',
    icon: <UserOutlined />,
    label: 'menu.accounts',
    hint: 'accounts.hint',
    element: <AccountsPage />,
  },
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
  {
    key: 'system',
    path: 'system',
    capability: 'config.read',
    group: 'admin',
    icon: <SettingOutlined />,
    label: 'menu.system',
    hint: 'system.hint',
    element: <SystemPage />,
  },
  {
    key: 'roles',
    path: 'roles',
    capability: 'roles.manage',
    group: 'admin',
    icon: <SafetyCertificateOutlined />,
    label: 'menu.roles',
    hint: 'roles.hint',
    element: <RolesPage />,
  },
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
];

/** Modules this user may open (routes); the menu and the overview leave out the hidden ones. */
export function modulesFor(me: Pick<Me, 'capabilities'>): ConsoleModule[] {
  return MODULES.filter((m) =>
    (typeof m.capability === 'string' ? [m.capability] : m.capability).some((c) => me.capabilities.includes(c)),
  );
}
