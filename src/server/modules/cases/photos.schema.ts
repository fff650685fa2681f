/** The contract of the photo and public routes: images as binary bodies, the public map's pages. */
import Type, { type Static } from 'typebox';
import { DateTime, NullableDateTime } from '../../platform/http/types';
import { PageOf, PageQueryFields } from '../../platform/page';
import { CASE_STATES, IdParams, PhotoStage } from './cases.schema';
import { Closed, Nullable } from '../../platform/http/schema-helpers';

export { IdParams, PhotoView } from './cases.schema';

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

export const PhotoUploadQuery = Type.Object({ stage: PhotoStage }, Closed);
/** A photo uploaded before its report: its id goes into the report's photoIds. */
export const StagedPhotoView = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    mime: Type.String(),
    width: Type.Integer(),
    height: Type.Integer(),
    bytes: Type.Integer(),
  },
  Closed,
);
export const ApproveBody = Type.Object({ approved: Type.Boolean() }, Closed);

/** A photo file: the image itself, in the type it was stored as. */
export const ImageResponse = {
  description: 'the image (JPEG, PNG or WebP)',
  content: Object.fromEntries(
    IMAGE_TYPES.map((t) => [t, { schema: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) }]),
  ),
};

export { IdParams as PhotoParams };

const Label = Type.Object({ zh: Type.String(), en: Type.String() });
const State = Type.Enum(CASE_STATES);

export const PublicCasesQuery = Type.Object(
  {
    bbox: Type.Optional(
      Type.String({
        pattern: '^-?[0-9.]+,-?[0-9.]+,-?[0-9.]+,-?[0-9.]+$',
        description: 'minLng,minLat,maxLng,maxLat',
      }),
    ),
    state: Type.Optional(Type.String({ maxLength: 20 })),
    ...PageQueryFields,
  },
  Closed,
);
export const PublicCaseParams = Type.Object({ number: Type.String({ pattern: '^[0-9]{6}-[0-9]{8}-[0-9]{6}$' }) });

const publicFields = {
  number: Type.String(),
  title: Type.String(),
  description: Type.String(),
  categoryCode: Type.String(),
  categoryName: Type.String(),
  state: State,
  stateLabel: Label,
  lng: Type.Number(),
  lat: Type.Number(),
  receivedAt: DateTime,
  updatedAt: DateTime,
  closedAt: NullableDateTime,
};
/** A report on the public map: no names, phones or staff notes. */
export const PublicCase = Type.Object(publicFields);
export const PublicCasePage = PageOf(PublicCase);
export const PublicCaseDetail = Type.Object({
  ...publicFields,
  timeline: Type.Array(Type.Object({ at: DateTime, type: Type.String(), state: Nullable(State) })),
  photos: Type.Array(Type.String({ description: 'public photo URL' })),
});

export type PublicCase = Static<typeof PublicCase>;
export type PublicCaseDetail = Static<typeof PublicCaseDetail>;
