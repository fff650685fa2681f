/** The demo's accounts: one for every role, in Shishou (421081). Listed on the demo sign-in pages only. */
import type { Role } from '../../platform/actor';

export const DEMO_PASSWORD = 'Demo@2026';

/** The county every demo account is in (石首市). */
export const DEMO_COUNTY = '421081';

export interface DemoStaff {
  username: string;
  displayName: string;
  role: Role;
  scopeCode: string;
  departmentKey?: string;
  /** Administrators have TOTP enrolled with this fixed demo secret. */
  totpSecret?: string;
}

export const DEMO_STAFF: DemoStaff[] = [
  {
    username: 'sysadmin',
    displayName: '系统管理员（演示）',
    role: 'system_admin',
    scopeCode: '421081',
    totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  },
  {
    username: 'secadmin',
    displayName: '安全管理员（演示）',
    role: 'security_admin',
    scopeCode: '421081',
    totpSecret: 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU',
  },
  {
    username: 'auditor',
    displayName: '审计管理员（演示）',
    role: 'audit_admin',
    scopeCode: '421081',
    totpSecret: 'MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK',
  },
  { username: 'county', displayName: '市级干部（演示）', role: 'county_officer', scopeCode: '421081' },
  { username: 'gaojimiao', displayName: '高基庙镇干部（演示）', role: 'town_officer', scopeCode: '421081107' },
  { username: 'xiulin', displayName: '绣林街道干部（演示）', role: 'town_officer', scopeCode: '421081001' },
  { username: 'baizian', displayName: '百子庵村干部（演示）', role: 'village_officer', scopeCode: '421081107212' },
  { username: 'gridworker', displayName: '百子庵村网格员（演示）', role: 'grid_worker', scopeCode: '421081107212' },
  {
    username: 'chengguan',
    displayName: '城管局办理人（演示）',
    role: 'department_handler',
    scopeCode: '421081',
    departmentKey: 'cgj',
  },
];

export interface DemoResident {
  phone: string;
  displayName: string;
  homeDivisionCode: string;
  roles: Role[];
}

export const DEMO_RESIDENTS: DemoResident[] = [
  { phone: '13800000001', displayName: '张大爷（演示居民）', homeDivisionCode: '421081107212', roles: [] },
  {
    phone: '13800000002',
    displayName: '李阿姨（演示啄木鸟）',
    homeDivisionCode: '421081107212',
    roles: ['woodpecker'],
  },
];
