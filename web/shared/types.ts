/** Shapes of the API responses the web apps use (the server's OpenAPI at /api/openapi.json is the reference). */
import type { Capability } from '../../src/server/modules/access/capabilities';

export type { Capability };

export interface Site {
  demo: boolean;
  county: { code: string; name: string };
  version: string;
  /** 天地图 tiles for the maps, or null (offline vector layers only). */
  mapTiles: { provider: 'tianditu'; key: string } | null;
}

export interface DemoStaff {
  username: string;
  displayName: string;
  role: string;
  roleLabel: string;
  roleLabelEn: string;
  scopeCode: string;
  totpCode?: string;
}

export interface DemoInfo {
  demo: boolean;
  password?: string;
  staff: DemoStaff[];
  residents: { phone: string; displayName: string }[];
}

export type SignInStage = 'active' | 'totp' | 'totp_enroll' | 'password_change';

export interface SignInStep {
  stage: SignInStage;
  secret?: string;
  otpauthUrl?: string;
}

export interface PlaceRef {
  code: string;
  name: string;
}

export interface Grant {
  role: string;
  scopeCode: string;
  scopeName: string;
  departmentCode: string | null;
}

export interface Me {
  user: {
    id: string;
    kind: 'staff' | 'resident';
    displayName: string;
    homeDivision: null | (PlaceRef & { path: PlaceRef[] });
  };
  grants: Grant[];
  /** what the server lets this user see (src/server/modules/access/capabilities.ts); menus and buttons follow it alone */
  capabilities: Capability[];
}

export interface StaffRow {
  id: string;
  userId: string;
  username: string;
  displayName: string;
  role: string;
  scopeCode: string;
  scopeName: string;
  departmentCode: string | null;
  grantedAt: string;
}

export interface RoleInfo {
  role: string;
  zh: string;
  en: string;
  levels: number[];
  /** false for the administrator roles, which only the server command `cocreate account` grants */
  grantable: boolean;
}

export interface Department {
  code: string;
  name: string;
  nameEn: string;
  scopeCode: string;
}

export type { Account } from '../../src/server/modules/accounts/accounts.schema';

export type { SmsMessage as SmsRow } from '../../src/server/modules/accounts/accounts.schema';
export type { AuditRow, VerifyResult as AuditVerify } from '../../src/server/modules/audit/audit.schema';

/** A password reset done by the system administrator (the security administrator's list). */
export type { PasswordReset } from '../../src/server/modules/accounts/accounts.schema';
