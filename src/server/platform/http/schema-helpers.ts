/**
 * The small TypeBox helpers every module's `<name>.schema.ts` writes its contract with (one
 * definition each: a module does not redefine them).
 */
import Type, { type TSchema, type TSchemaOptions } from 'typebox';

/** One of the given strings (typed as their union); `options` as a schema's (description…). */
export const literals = <const T extends readonly string[]>(values: T, options?: TSchemaOptions) =>
  Type.Unsafe<T[number]>(
    Type.Union(
      values.map((v) => Type.Literal(v)),
      options,
    ),
  );

/** The schema, or null. */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** Options of an object schema that accepts no other property. */
export const Closed = { additionalProperties: false } as const;

/** Route params of one row by its id (a UUID). */
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
