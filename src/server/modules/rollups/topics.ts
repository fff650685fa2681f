/**
 * The topic the rollups are kept current by. Its messages are written by the database itself: a
 * statement trigger on `cases` (migrations/0030_rollups.sql) queues the ids of the cases each
 * statement inserted, changed (in a counted column) or deleted, up to 1,000 per message, in the
 * writing transaction. So every write path (intake's grouped statement, the loop, imports, the demo)
 * is covered without the cases module knowing of the rollups.
 */
import Type from 'typebox';
import { Closed } from '../../platform/http/schema-helpers';
import { defineTopic } from '../../platform/outbox/outbox';

export const ROLLUPS_CASES_CHANGED = defineTopic(
  'rollups.cases_changed',
  Type.Object({ caseIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 1000 }) }, Closed),
);
