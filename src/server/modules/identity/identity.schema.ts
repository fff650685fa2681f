/** The identity module's HTTP contract: sign-in steps, "me", my place, sessions. */
import Type, { type Static } from 'typebox';
import { ROLES } from '../../platform/actor';
import { CAPABILITIES } from '../access';
import { Closed, literals, Nullable } from '../../platform/http/schema-helpers';

const SmsCode = Type.String({ pattern: '^[0-9]{6}$' });
const Phone = Type.String({ minLength: 1, maxLength: 20 });

export const SignInStage = literals(['active', 'totp', 'totp_enroll', 'password_change'], {
  description:
    'active: signed in; totp / totp_enroll: send a code to /api/auth/totp; password_change: the password is one-time, send a new one to /api/auth/password',
});
export type SignInStage = Static<typeof SignInStage>;

export const SignInStep = Type.Object({
  stage: SignInStage,
  secret: Type.Optional(Type.String({ description: 'TOTP secret to enrol (only for stage totp_enroll)' })),
  otpauthUrl: Type.Optional(Type.String()),
});
export type SignInStep = Static<typeof SignInStep>;

export const SignInBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  Closed,
);

export const TotpBody = Type.Object({ code: SmsCode }, Closed);
export const TotpDone = Type.Object({ stage: literals(['active', 'password_change']) });
export type TotpDone = Static<typeof TotpDone>;

export const NewPasswordBody = Type.Object({ newPassword: Type.String({ minLength: 1, maxLength: 256 }) }, Closed);
export const Active = Type.Object({ stage: Type.Literal('active') });

export const SmsCodeBody = Type.Object({ phone: Phone }, Closed);
export const SmsCodeSent = Type.Object({ resendAfterSeconds: Type.Integer() });
export type SmsCodeSent = Static<typeof SmsCodeSent>;

export const SmsSignInBody = Type.Object({ phone: Phone, code: SmsCode }, Closed);
export const SmsSignedIn = Type.Object({ stage: Type.Literal('active'), created: Type.Boolean() });

/** 204: no body. */
export const NoContent = Type.Null();

export const PlaceRef = Type.Object({ code: Type.String(), name: Type.String() });
export type PlaceRef = Static<typeof PlaceRef>;

export const Grant = Type.Object({
  role: literals(ROLES),
  scopeCode: Type.String(),
  scopeName: Type.String(),
  departmentCode: Nullable(Type.String()),
});
export type Grant = Static<typeof Grant>;

/** Who am I; `capabilities` is what the server lets this user see: menus and buttons follow it alone. */
export const Me = Type.Object({
  user: Type.Object({
    id: Type.String(),
    kind: literals(['staff', 'resident']),
    displayName: Type.String(),
    homeDivision: Type.Union([
      Type.Null(),
      Type.Object({ code: Type.String(), name: Type.String(), path: Type.Array(PlaceRef) }),
    ]),
  }),
  // a user's grants: a handful by nature, whole
  grants: Type.Array(Grant),
  capabilities: Type.Array(
    // every capability the server can send (src/server/modules/access/capabilities.ts), listed in the OpenAPI document
    literals(CAPABILITIES),
  ),
});
export type Me = Static<typeof Me>;

export const PlaceBody = Type.Object({ divisionCode: Type.String({ pattern: '^[0-9]{12}$' }) }, Closed);

export const UserParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const Revoked = Type.Object({ revoked: Type.Integer() });
export type Revoked = Static<typeof Revoked>;
