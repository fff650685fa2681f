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
  Grantee,
  GranteePage,
  RoleInfo,
} from '../../src/server/modules/access/access.schema';

export type { Account } from '../../src/server/modules/accounts/accounts.schema';

export type { SmsMessage as SmsRow } from '../../src/server/modules/accounts/accounts.schema';
export type { AuditRow, VerifyResult as AuditVerify } from '../../src/server/modules/audit/audit.schema';

/** A password reset done by the system administrator (the security administrator's list). */
export type { PasswordReset } from '../../src/server/modules/accounts/accounts.schema';
