/** The site and demo contract: this installation, and the demo's accounts. */
import Type, { type Static } from 'typebox';
import { Closed, Nullable } from '../../platform/http/schema-helpers';

export const Site = Type.Object({
  demo: Type.Boolean(),
  county: Type.Object({ code: Type.String(), name: Type.String() }),
  version: Type.String(),
  mapTiles: Type.Union([Type.Null(), Type.Object({ provider: Type.Literal('tianditu'), key: Type.String() })], {
    description: 'base map tiles for the grid map; null: offline vector layers only',
  }),
});
export type Site = Static<typeof Site>;

export const DemoStaff = Type.Object({
  username: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  roleLabel: Type.String(),
  roleLabelEn: Type.String(),
  scopeCode: Type.String(),
  totpCode: Type.Optional(Type.String()),
});
export type DemoStaff = Static<typeof DemoStaff>;

/** The demo's accounts: the fixed list of demo.accounts.ts (empty outside the demo). */
export const DemoInfo = Type.Object({
  demo: Type.Boolean(),
  password: Type.Optional(Type.String()),
  staff: Type.Array(DemoStaff),
  residents: Type.Array(Type.Object({ phone: Type.String(), displayName: Type.String() })),
});
export type DemoInfo = Static<typeof DemoInfo>;

export const DemoSmsQuery = Type.Object({ phone: Type.String({ pattern: '^1[3-9][0-9]{9}$' }) }, Closed);
export const DemoSms = Type.Object({ body: Nullable(Type.String()) });
export type DemoSms = Static<typeof DemoSms>;
