/**
 * Route schemas compiled on first use instead of before listening. Fastify compiles every route's
 * validators (ajv) and response serializers (fast-json-stringify) when the app becomes ready; for
 * ~100 routes that was ~1.5 s of every start (bench/README.md "Start-up"). Here each compiler
 * returns a stand-in that compiles its schema on its first call, and equal schemas (same JSON, same
 * kind) share one compiled function. Validation and serialization are unchanged: the stand-in
 * forwards to exactly what Fastify's compilers would have built.
 *
 * `compileRouteSchemas(app)` compiles whatever is still pending, one schema per event-loop turn so
 * requests keep being answered: `serve` runs it right after listening, so a schema that does not
 * compile still stops the server within seconds of its start, as the eager compile did.
 */
import fastJsonStringify from 'fast-json-stringify';
import type { FastifyInstance, FastifySchemaCompiler, FastifySerializerCompiler } from 'fastify';
import { validatorCompiler } from './validation';

type Validate = ReturnType<FastifySchemaCompiler<unknown>> & { errors?: unknown; schemaEnv?: unknown };
type Serialize = (data: unknown) => string;

const pendingOf = new WeakMap<FastifyInstance, Set<() => unknown>>();

/** A memoised compile that stays in `pending` until it has run. */
function deferred<T>(compile: () => T, pending: Set<() => unknown>): () => T {
  let compiled: T | undefined;
  const get = (): T => {
    if (compiled === undefined) {
      compiled = compile();
      pending.delete(get);
    }
    return compiled;
  };
  pending.add(get);
  return get;
}

function sharedBy<T>(cache: Map<string, () => T>, key: string, make: () => () => T): () => T {
  let get = cache.get(key);
  if (!get) {
    get = make();
    cache.set(key, get);
  }
  return get;
}

/** Sets `app`'s validator and serializer compilers to the lazy ones (call before any route). */
export function registerLazySchemas(app: FastifyInstance): void {
  const pending = new Set<() => unknown>();
  pendingOf.set(app, pending);
  const validators = new Map<string, () => Validate>();
  const serializers = new Map<string, () => Serialize>();

  const lazyValidator: FastifySchemaCompiler<unknown> = (route) => {
    // Bodies are validated strictly, the other parts with coercion (validation.ts): two kinds.
    const key = `${route.httpPart === 'body' ? 'body' : 'coerced'}:${JSON.stringify(route.schema)}`;
    const get = sharedBy(validators, key, () => deferred(() => validatorCompiler(route) as Validate, pending));
    const validate = ((data: unknown, cxt?: unknown) =>
      (get() as (d: unknown, c?: unknown) => ReturnType<Validate>)(data, cxt)) as Validate;
    // Fastify reads these from the function it was given: the outcome of the last call, and whether
    // ajv may replace the validated value in its parent (query/params coercion).
    Object.defineProperties(validate, {
      errors: { get: () => get().errors },
      schemaEnv: { get: () => get().schemaEnv },
    });
    return validate;
  };
  const lazySerializer: FastifySerializerCompiler<unknown> = ({ schema }) => {
    // As @fastify/fast-json-stringify-compiler builds it (the app adds no shared schemas).
    const get = sharedBy(serializers, JSON.stringify(schema), () =>
      deferred(() => fastJsonStringify(schema as Parameters<typeof fastJsonStringify>[0], {}) as Serialize, pending),
    );
    return (data: unknown) => get()(data);
  };
  app.setValidatorCompiler(lazyValidator);
  app.setSerializerCompiler(lazySerializer);
}

/** Compiles every route schema not compiled yet, yielding to the event loop between two; rejects on the first failure. */
export async function compileRouteSchemas(app: FastifyInstance): Promise<number> {
  const pending = pendingOf.get(app);
  let n = 0;
  while (pending?.size) {
    await new Promise((resolve) => setImmediate(resolve));
    const [next] = pending;
    if (!next) break;
    next();
    n++;
  }
  return n;
}
