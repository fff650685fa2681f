/** The accounts module's contract: staff accounts, password resets, the SMS outbox, the system settings. */
import Type, { type Static } from 'typebox';
import { DateTime, NullableDateTime } from '../../platform/http/types';
import { PageOf, PageQueryFields } from '../../platform/page';
import { Closed, IdParams, literals } from '../../platform/http/schema-helpers';

export { PageQuery, type PageRequest } from '../../platform/page';

export { IdParams };

export const AccountsQuery = Type.Object(
  { q: Type.Optional(Type.String({ maxLength: 50, description: 'part of the username or name' })), ...PageQueryFields },
  Closed,
);

export const Account = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  totpEnabled: Type.Boolean(),
  isDemo: Type.Boolean(),
  disabledAt: NullableDateTime,
  createdAt: DateTime,
  roles: Type.Array(Type.String()),
});
export type Account = Static<typeof Account>;
export const AccountPage = PageOf(Account);

export const CreateAccountBody = Type.Object(
  {
    username: Type.String({ pattern: '^[A-Za-z0-9_.-]{3,40}$' }),
    displayName: Type.String({ minLength: 1, maxLength: 40 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  Closed,
);
export const AccountCreated = Type.Object({ id: Type.String(), username: Type.String(), displayName: Type.String() });

export const PasswordBody = Type.Object({ password: Type.String({ minLength: 1, maxLength: 256 }) }, Closed);

export const PasswordReset = Type.Object({
  id: Type.Integer(),
  userId: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  resetBy: Type.String(),
  resetAt: DateTime,
  changedAt: NullableDateTime,
});
export type PasswordReset = Static<typeof PasswordReset>;
export const PasswordResetPage = PageOf(PasswordReset);

export const SmsMessage = Type.Object({
  id: Type.Integer(),
  phoneMasked: Type.String(),
  body: Type.String(),
  gateway: Type.String(),
  createdAt: DateTime,
});
export type SmsMessage = Static<typeof SmsMessage>;
export const SmsPage = PageOf(SmsMessage);

export const SystemConfig = Type.Object(
  {
    database: literals(['pglite', 'postgresql']),
    countyCode: Type.String(),
    sessionIdleMinutes: Type.Integer(),
    sessionMaxHours: Type.Integer(),
    signInMaxFailures: Type.Integer(),
    signInLockMinutes: Type.Integer(),
    smsGateway: Type.String(),
    usesDemoSecret: Type.Boolean(),
  },
  { description: 'the effective settings, without secrets' },
);
export type SystemConfig = Static<typeof SystemConfig>;

export const LinkPersonBody = Type.Object(
  { residentId: Type.Union([Type.Null(), Type.String({ format: 'uuid' })]) },
  Closed,
);
export const PersonLinked = Type.Object({
  userId: Type.String(),
  residentId: Type.Union([Type.Null(), Type.String()]),
});
