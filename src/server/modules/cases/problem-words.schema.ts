/** The contract of the problem-words routes (plain-word problems the resident app offers). */
import Type from 'typebox';
import { Closed } from '../../platform/http/schema-helpers';
import { ExtraField } from './categories.schema';

const Term = Type.String({ minLength: 1, maxLength: 20, pattern: '\\S' });
const Fields = {
  word: Term,
  synonyms: Type.Array(Term, { maxItems: 30 }),
  categoryCode: Type.String({ minLength: 1, maxLength: 10 }),
  sortOrder: Type.Integer({ minimum: 0, maximum: 100_000 }),
  enabled: Type.Boolean(),
};

/** An entry as listed, with its category's extra fields (the report form asks them; kept on the phone for offline reports). */
export const ProblemWordView = Type.Object(
  { id: Type.String(), ...Fields, extraFields: Type.Array(ExtraField) },
  Closed,
);
export const ProblemWordsQuery = Type.Object({ includeDisabled: Type.Optional(Type.Boolean()) }, Closed);
export const ProblemWordParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, Closed);
export const NewProblemWordBody = Type.Object(
  {
    ...Fields,
    synonyms: Type.Optional(Fields.synonyms),
    sortOrder: Type.Optional(Fields.sortOrder),
    enabled: Type.Optional(Fields.enabled),
  },
  Closed,
);
export const ProblemWordPatchBody = Type.Partial(Type.Object(Fields), Closed);
