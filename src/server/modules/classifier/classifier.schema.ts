/** The contract of the classifier routes: suggestions for a text, near-duplicates, the models in use. */
import Type, { type Static } from 'typebox';
import { CategorySuggestion, LineSuggestion } from '../cases';

export const ClassifyBody = Type.Object(
  {
    text: Type.Optional(Type.String({ maxLength: 20000 })),
    title: Type.Optional(Type.String({ maxLength: 2000 })),
    body: Type.Optional(Type.String({ maxLength: 20000 })),
    k: Type.Optional(Type.Integer({ minimum: 1, maximum: 7 })),
    withCategories: Type.Optional(
      Type.Boolean({ description: 'answer {labels, categories} instead of the array of labels' }),
    ),
  },
  { additionalProperties: false },
);
export const Classified = Type.Object({
  labels: Type.Array(LineSuggestion),
  categories: Type.Union([Type.Array(CategorySuggestion), Type.Null()], {
    description: 'null: no county category model yet (see GET /api/classifier/status)',
  }),
});
export const ClassifyAnswer = Type.Union([Type.Array(LineSuggestion), Classified]);

const ModelStatus = Type.Object({
  available: Type.Boolean(),
  source: Type.Optional(Type.Enum(['county', 'shipped'] as const, { description: 'the department model in use' })),
  labels: Type.Optional(Type.Integer({ description: 'how many labels the model tells apart' })),
  examples: Type.Optional(Type.Integer({ description: 'how many examples it learnt from' })),
  trainedAt: Type.Optional(Type.String()),
  metrics: Type.Optional(
    Type.Array(Type.Object({ method: Type.String(), accuracy: Type.Number(), macroF1: Type.Number() })),
  ),
  reason: Type.Optional(Type.String({ description: 'why the model is not available' })),
});
export const ClassifierStatus = Type.Object({ department: ModelStatus, category: ModelStatus });

const similarFields = {
  id: Type.String(),
  number: Type.String({ description: 'case number, for "same as case N" (reject as duplicate: duplicateOf)' }),
  title: Type.String(),
  state: Type.String(),
  categoryCode: Type.String(),
  distanceMeters: Type.Integer(),
  similarity: Type.Number({ description: 'text similarity 0..1' }),
};
export const Similar = Type.Object(similarFields);
export const SimilarToText = Type.Object({
  ...similarFields,
  sameCategory: Type.Union([Type.Boolean(), Type.Null()], {
    description: 'same category as the one chosen (null: none chosen)',
  }),
});
export const SimilarTextBody = Type.Object(
  {
    description: Type.String({ minLength: 2, maxLength: 2000 }),
    title: Type.Optional(Type.String({ maxLength: 60 })),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    coordSystem: Type.Optional(Type.Union([Type.Literal('wgs84'), Type.Literal('gcj02')])),
    categoryCode: Type.Optional(Type.String({ maxLength: 10 })),
  },
  { additionalProperties: false },
);

export type Classified = Static<typeof Classified>;
export type ClassifierStatus = Static<typeof ClassifierStatus>;
export type Similar = Static<typeof Similar>;
export type SimilarToText = Static<typeof SimilarToText>;
