/**
 * Request validation. Bodies are strict (no type coercion, unknown fields rejected, nothing
 * silently removed); querystrings and path params are coerced from strings. Before any of that,
 * every string of every request (params, query, parsed body — JSON, form or multipart fields and
 * file names — at any depth, keys included) is checked once for text the database cannot store.
 */
import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import { fieldProblemError, findUnstorable } from '../text';

function make(coerce: boolean) {
  const ajv = new Ajv({
    allErrors: true,
    removeAdditional: false,
    useDefaults: true,
    coerceTypes: coerce ? 'array' : false,
    strict: false,
  });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  return ajv;
}

const strict = make(false);
const coercing = make(true);

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? strict : coercing;
  return ajv.compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;
};

export interface FieldProblem {
  field: string;
  problem: string;
}

/** Names each bad field: "/username: must NOT have fewer than 1 characters", "/extra: unknown field". */
export function describeValidation(errors: readonly Partial<ErrorObject>[], part: string | undefined): FieldProblem[] {
  return errors.map((e) => {
    const base = (e.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    const params = (e.params ?? {}) as Record<string, unknown>;
    if (e.keyword === 'additionalProperties') {
      const name = String(params.additionalProperty);
      return { field: [part, base, name].filter(Boolean).join('.'), problem: 'unknown field' };
    }
    if (e.keyword === 'required') {
      return { field: [part, base, String(params.missingProperty)].filter(Boolean).join('.'), problem: 'is required' };
    }
    return { field: [part, base].filter(Boolean).join('.') || part || '(body)', problem: e.message ?? 'is invalid' };
  });
}

/** The first string of a request with a NUL or a lone surrogate, named by where it is (`body.extra.note`). */
export function findInvalidText(req: Pick<FastifyRequest, 'params' | 'query' | 'body'>) {
  return findUnstorable(req.params, 'params') ?? findUnstorable(req.query, 'query') ?? findUnstorable(req.body, 'body');
}

/**
 * The one place invalid text is refused: a preValidation hook on every route (registered before
 * any route, so none escapes it), answering 400 `text_invalid` naming the field.
 */
export function registerTextCheck(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const bad = findInvalidText(req);
    if (bad) throw fieldProblemError(bad);
  });
}
