/** The big-screen links' contract (大屏): making one (the token shown once), listing and revoking them. */
import Type, { type Static } from 'typebox';
import { Closed, Nullable } from '../../platform/http/schema-helpers';

const Place = Type.Object({ code: Type.String(), name: Type.String() }, Closed);

export const NewScreen = Type.Object(
  {
    place: Type.String({ pattern: '^[0-9]{6,15}$', description: 'the division code the screen shows' }),
    label: Type.String({ minLength: 1, maxLength: 60, description: 'where the screen hangs, e.g. 县指挥中心大屏' }),
  },
  Closed,
);
export type NewScreen = Static<typeof NewScreen>;

export const CreatedScreen = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    place: Place,
    label: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    token: Type.String({ description: 'shown only here: the server keeps only its keyed hash' }),
    url: Type.String({ description: 'the console path of the screen: /admin/screen?token=…' }),
  },
  Closed,
);
export type CreatedScreen = Static<typeof CreatedScreen>;

export const ScreenItem = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    place: Place,
    label: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    createdBy: Type.Object({ id: Type.String(), name: Type.String() }, Closed),
    revokedAt: Nullable(Type.String({ format: 'date-time' })),
    lastSeenAt: Nullable(Type.String({ format: 'date-time' })),
  },
  Closed,
);
export type ScreenItem = Static<typeof ScreenItem>;

export const ScreenList = Type.Object({ items: Type.Array(ScreenItem) }, Closed);
