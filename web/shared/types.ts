/** Shapes of the API responses the web apps use: the server's contracts (`<module>.schema.ts`), imported as types. */
import type { Capability } from '../../src/server/modules/access/capabilities';

export type { Capability };

export type { DemoInfo, DemoSms, DemoStaff, Site } from '../../src/server/modules/demo/demo.schema';
export type {
  Grant,
  Me,
  PlaceRef,
  Revoked,
  SignInStage,
  SignInStep,
  SmsCodeSent,
  TotpDone,
} from '../../src/server/modules/identity/identity.schema';
export type {
  /** one row of the staff list (a role held at a place) */
  Assignment as StaffRow,
  Department,
  RoleInfo,
} from '../../src/server/modules/access/access.schema';

export interface Account {
  id: string;
  username: string;
  displayName: string;
  totpEnabled: boolean;
  isDemo: boolean;
  disabledAt: string | null;
  createdAt: string;
  roles: string[];
}

export interface SmsRow {
  id: number | string;
  phoneMasked: string;
  body: string;
  gateway: string;
  createdAt: string;
}

export interface AuditRow {
  id: number;
  at: string;
  actorId: string | null;
  actorLabel: string | null;
  ip: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  scopeCode: string | null;
  before: unknown;
  after: unknown;
  outcome: string;
  prevHash: string;
  hash: string;
}

export interface AuditVerify {
  ok: boolean;
  rows: number;
  brokenAt?: number;
  reason?: string;
}

/** A password reset done by the system administrator (the security administrator's list). */
export interface PasswordReset {
  id: number;
  userId: string;
  username: string;
  displayName: string;
  resetBy: string;
  resetAt: string;
  changedAt: string | null;
}
