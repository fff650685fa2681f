/**
 * 村规民约 / 居民公约, the councils (两会) and the 红白事 register for the console and the resident app:
 * the server's contract types (covenants.schema.ts, councils.schema.ts) and labels, defined once there.
 */
import type { Static } from 'typebox';
import type * as C from '../../src/server/modules/covenants/councils.schema';
import type * as S from '../../src/server/modules/covenants/covenants.schema';

export {
  CHANGE_KIND_LABELS,
  COUNCIL_KIND_LABELS,
  COUNCIL_KINDS,
  COUNCIL_ROLE_LABELS,
  COVENANT_KIND_LABELS,
  EVENT_KIND_LABELS,
  EVENT_KINDS,
  VERSION_STATE_LABELS,
} from '../../src/server/modules/covenants/covenants.labels';

export type Covenant = Static<typeof S.Covenant>;
export type CovenantSummary = Static<typeof S.CovenantSummary>;
export type Version = Static<typeof S.Version>;
export type VersionSummary = Static<typeof S.VersionSummary>;
export type Article = Static<typeof S.Article>;
export type Diff = Static<typeof S.Diff>;
export type ArticleRef = Static<typeof S.ArticleRef>;
export type MyCovenant = Static<typeof S.MyCovenant>;
export type Council = Static<typeof C.Council>;
export type FamilyEvent = Static<typeof C.FamilyEvent>;
