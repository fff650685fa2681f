/** The console's modules: menu entry, route and the capability that unlocks it (menus follow the server). */
import {
  ApartmentOutlined, AuditOutlined, HomeOutlined, MailOutlined, SafetyCertificateOutlined,
  SettingOutlined, TeamOutlined, UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from './i18n';
import { AccountsPage } from './pages/accounts/AccountsPage';
import { AuditPage } from './pages/audit/AuditPage';
import { DivisionsPage } from './pages/divisions/DivisionsPage';
import { HomePage } from './pages/home/HomePage';
import { RolesPage } from './pages/roles/RolesPage';
import { SmsOutboxPage } from './pages/sms-outbox/SmsOutboxPage';
import { StaffPage } from './pages/staff/StaffPage';
import { SystemPage } from './pages/system/SystemPage';

export interface ConsoleModule {
  key: string;
  /** Path under /admin; '' is the overview. */
  path: string;
  capability: string;
  group: 'work' | 'admin';
  icon: ReactNode;
  label: MessageKey;
  hint: MessageKey;
  element: ReactNode;
}

export const MODULES: ConsoleModule[] = [
  { key: 'home', path: '', capability: 'console.use', group: 'work', icon: <HomeOutlined />, label: 'menu.home', hint: 'home.hint', element: <HomePage /> },
  { key: 'divisions', path: 'divisions', capability: 'divisions.browse', group: 'work', icon: <ApartmentOutlined />, label: 'menu.divisions', hint: 'divisions.hint', element: <DivisionsPage /> },
  { key: 'staff', path: 'staff', capability: 'staff.read', group: 'work', icon: <TeamOutlined />, label: 'menu.staff', hint: 'staff.hint', element: <StaffPage /> },
  { key: 'accounts', path: 'accounts', capability: 'accounts.manage', group: 'admin', icon: <UserOutlined />, label: 'menu.accounts', hint: 'accounts.hint', element: <AccountsPage /> },
  { key: 'sms-outbox', path: 'sms-outbox', capability: 'sms_outbox.read', group: 'admin', icon: <MailOutlined />, label: 'menu.smsOutbox', hint: 'sms.hint', element: <SmsOutboxPage /> },
  { key: 'system', path: 'system', capability: 'config.read', group: 'admin', icon: <SettingOutlined />, label: 'menu.system', hint: 'system.hint', element: <SystemPage /> },
  { key: 'roles', path: 'roles', capability: 'roles.manage', group: 'admin', icon: <SafetyCertificateOutlined />, label: 'menu.roles', hint: 'roles.hint', element: <RolesPage /> },
  { key: 'audit', path: 'audit', capability: 'audit.read', group: 'admin', icon: <AuditOutlined />, label: 'menu.audit', hint: 'audit.hint', element: <AuditPage /> },
];

export function modulesFor(capabilities: string[]): ConsoleModule[] {
  return MODULES.filter((m) => capabilities.includes(m.capability));
}
