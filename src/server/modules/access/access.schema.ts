/** The access module's HTTP contract: the role catalogue, departments, the staff list and role grants. */
import Type, { type Static } from 'typebox';
import { DateTime } from '../../platform/http/types';
import { PageOf, PageQueryFields } from '../../platform/page';
import { Closed, IdParams, Nullable } from '../../platform/http/schema-helpers';

const ScopeCode = Type.String({ pattern: '^[0-9]{6,15}$' });
export { IdParams };

/** A person holding a role at a place (e.g. whom a case may be given to). */
export const RoleHolder = Type.Object({
  userId: Type.String(),
  username: Nullable(Type.String()),
  displayName: Type.String(),
  role: Type.String(),
  scopeCode: Type.String(),
  scopeName: Type.String(),
  departmentCode: Nullable(Type.String()),
});
export type RoleHolder = Static<typeof RoleHolder>;

/** A role held at a place (one row of the staff list, or of a user's grants). */
export const Assignment = Type.Object({ id: Type.String(), ...RoleHolder.properties, grantedAt: DateTime });
export type Assignment = Static<typeof Assignment>;

export const RoleInfo = Type.Object({
  role: Type.String(),
  zh: Type.String(),
  en: Type.String(),
  levels: Type.Array(Type.Integer()),
  grantable: Type.Boolean({
    description: 'false for the administrator roles, which only the server command `cocreate account` grants',
  }),
});
export type RoleInfo = Static<typeof RoleInfo>;
/** The role catalogue: a fixed list (the roles of platform/actor.ts). */
export const RoleCatalogue = Type.Array(RoleInfo);

export const Department = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  scopeCode: Type.String(),
});
export type Department = Static<typeof Department>;
/** The county's departments: a short fixed list set up with the county (divisions/departments.ts). */
export const Departments = Type.Array(Department);

export const StaffQuery = Type.Object(
  {
    scope: ScopeCode,
    role: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'only this role' })),
    q: Type.Optional(
      Type.String({ maxLength: 60, description: 'part of a name, username or place name, or a whole user id' }),
    ),
    ...PageQueryFields,
  },
  Closed,
);
export type StaffQuery = Static<typeof StaffQuery>;
export const StaffPage = PageOf(Assignment);

/** A user's active grants: a handful by nature (one person, a few roles), so the list is whole. */
export const UserGrants = Type.Array(Assignment);

export const GrantBody = Type.Object(
  {
    userId: Type.String({ format: 'uuid' }),
    role: Type.String({ minLength: 1, maxLength: 40 }),
    scopeCode: ScopeCode,
    departmentCode: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  },
  Closed,
);

export const GranteeQuery = Type.Object(
  {
    scope: ScopeCode,
    q: Type.String({ maxLength: 60, description: 'part of a name or username, or a whole 11-digit mobile number' }),
    ...PageQueryFields,
  },
  Closed,
);
export type GranteeQuery = Static<typeof GranteeQuery>;

/** A person one may grant a role to: masked (the phone's middle digits hidden), never an ID number. */
export const Grantee = Type.Object({
  userId: Type.String(),
  kind: Type.String({ description: 'staff or resident' }),
  displayName: Type.String(),
  username: Nullable(Type.String()),
  phoneMasked: Nullable(Type.String()),
  homeCode: Nullable(Type.String()),
  homeName: Nullable(Type.String()),
  roles: Type.Array(Type.String(), { description: 'the roles the person holds now' }),
});
export type Grantee = Static<typeof Grantee>;
export const GranteePage = Type.Object({
  matchedBy: Type.Union([Type.Literal('name'), Type.Literal('phone')]),
  ...PageOf(Grantee).properties,
});
export type GranteePage = Static<typeof GranteePage>;

/** 204: no body. */
export const NoContent = Type.Null();
