/** What every fuzzed answer must satisfy: no 5xx, the error shape in the asked language, nothing half-written. */
import { type ErrorCode, errorMessage, errorSpec, pickLang } from '../../src/server/platform/errors';
import type { Database } from '../../src/server/platform/db/db';
import type { FuzzRequest } from './requests';

export interface Answer {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}

/** Problems with the shape of a 4xx answer; empty when it is right. */
export function errorShapeProblems(req: FuzzRequest, res: Answer): string[] {
  const type = String(res.headers['content-type'] ?? '');
  if (/at .+\.(ts|js):\d+|node_modules/.test(res.body)) return ['a stack trace or source path in the answer'];
  const path = req.url.split('?')[0];
  if (path.startsWith('/open311/')) return open311Problems(path, type, res);
  if (!type.startsWith('application/json')) return [`content-type ${type || '(none)'}, not JSON`];
  let body: { code?: unknown; message?: unknown; details?: unknown };
  try {
    body = JSON.parse(res.body);
  } catch {
    return ['body is not JSON'];
  }
  const spec = typeof body.code === 'string' ? errorSpec(body.code) : undefined;
  if (!spec) return [`unknown error code ${JSON.stringify(body.code)}`];
  const code = body.code as ErrorCode;
  const problems: string[] = [];
  if (spec.status !== res.statusCode) problems.push(`code ${code} is ${spec.status}, answered ${res.statusCode}`);
  if (typeof body.details !== 'object' || body.details === null || Array.isArray(body.details))
    problems.push('details is not an object');
  const lang = pickLang(req.headers['accept-language']);
  const expected = errorMessage(code, lang, (body.details ?? {}) as Record<string, unknown>);
  if (body.message !== expected)
    problems.push(`message is not the ${lang} message of ${code}: ${JSON.stringify(body.message)}`);
  return problems;
}

/** Open311 answers errors in the spec's shape: [{code, description}] or <errors><error>…. */
function open311Problems(path: string, type: string, res: Answer): string[] {
  if (path.toLowerCase().endsWith('.json')) {
    if (!type.startsWith('application/json')) return [`open311 .json error with content-type ${type}`];
    try {
      const list = JSON.parse(res.body) as { code?: unknown; description?: unknown }[];
      const ok =
        Array.isArray(list) &&
        list.length > 0 &&
        list.every((e) => e.code === res.statusCode && typeof e.description === 'string' && e.description.length > 0);
      return ok ? [] : ['open311 error is not [{code, description}] with the status'];
    } catch {
      return ['open311 .json error is not JSON'];
    }
  }
  if (!type.startsWith('text/xml')) return [`open311 xml error with content-type ${type}`];
  const ok = /^<\?xml[^>]*>\s*<errors>\s*<error>\s*<code>(\d+)<\/code>\s*<description>[^<]+<\/description>/.exec(
    res.body,
  );
  return ok && Number(ok[1]) === res.statusCode ? [] : ['open311 error is not <errors><error><code/><description/>'];
}

/**
 * Row counts of every table, the audit trail split by outcome: a refused request may record its
 * failure (a failed sign-in, a denied reveal) but must leave no successful write behind.
 */
export async function snapshotQuery(db: Database): Promise<() => Promise<Record<string, number>>> {
  const { rows } = await db.owner.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const parts = rows
    .filter((r) => r.name !== 'audit_log' && r.name !== 'schema_migrations')
    .map((r) => `'${r.name}', (SELECT count(*) FROM "${r.name}")`);
  parts.push(`'audit_log:success', (SELECT count(*) FROM audit_log WHERE outcome = 'success')`);
  parts.push(`'audit_log:failure|denied', (SELECT count(*) FROM audit_log WHERE outcome <> 'success')`);
  // json_build_object takes at most 100 arguments: build it in chunks and merge.
  const chunks: string[] = [];
  for (let i = 0; i < parts.length; i += 40)
    chunks.push(`json_build_object(${parts.slice(i, i + 40).join(', ')})::jsonb`);
  const sql = `SELECT ${chunks.join(' || ')} AS counts`;
  return async () => {
    const r = await db.owner.query<{ counts: Record<string, number> }>(sql);
    return Object.fromEntries(Object.entries(r.rows[0].counts).map(([k, v]) => [k, Number(v)]));
  };
}

/**
 * Tables a refused request may legitimately add rows to, and why. Anything else that changes
 * around a 4xx is a partial write.
 */
export const MAY_GROW_ON_REFUSAL: Record<string, string> = {
  'audit_log:failure|denied':
    'refusals that matter are recorded (failed sign-ins, denied reveals) and committed before the error',
  sign_in_throttle: 'a failed sign-in is counted for the lockout (5 in 10 minutes), committed before the 401',
  points_desk_throttle: 'a wrong pickup code is counted for the desk lock, committed before the 404',
};

export function changedTables(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys(after).filter(
    (t) => after[t] !== before[t] && !(t in MAY_GROW_ON_REFUSAL && after[t] > before[t]),
  );
}
