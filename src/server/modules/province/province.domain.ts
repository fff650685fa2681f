/**
 * 省级汇聚 (#17 item 6), pure: the names of the publication and of each county's subscription, and
 * the libpq connection string a subscription is given (checked and quoted; never run as SQL text
 * unquoted). No I/O.
 */
import { fail, ok, type Result } from '../../platform/errors';

/** The publication every county installation offers (the rollup tables). */
export const PUBLICATION = 'cocreate_rollups';

/** A county's subscription on the province (also its replication slot's name on the county). */
export const subscriptionOf = (county: string) => `cocreate_${county}`;

/** The county a subscription is for, or null for a subscription that is not the province module's. */
export function countyOfSubscription(name: string): string | null {
  const m = /^cocreate_(\d{6})$/.exec(name);
  return m ? m[1] : null;
}

export const isCountyCode = (code: string) => /^\d{6}$/.test(code);

/** A SQL string literal (standard_conforming_strings: only quotes are doubled). */
export const sqlLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Where to connect to, as node-postgres takes it (what the pre-flight check uses). */
export interface Conninfo {
  host?: string;
  port?: number;
  database?: string;
  user?: string;
  password?: string;
  connectionString?: string;
}

const KEYS: Record<string, keyof Conninfo> = {
  host: 'host',
  hostaddr: 'host',
  port: 'port',
  dbname: 'database',
  user: 'user',
  password: 'password',
};

/**
 * A libpq connection string: a URI (postgresql://…) or key=value pairs (values may be single-quoted).
 * Keys other than host, hostaddr, port, dbname, user and password (sslmode, …) are left to libpq.
 */
export function parseConninfo(text: string): Result<Conninfo> {
  const invalid = (reason: string) => fail('province_conninfo_invalid', { reason });
  if (text.trim() === '') return invalid('empty');
  if (/[\0\n\r]/.test(text)) return invalid('control characters');
  if (/^postgres(ql)?:\/\//.test(text)) {
    try {
      new URL(text);
    } catch {
      return invalid('not a URI');
    }
    return ok({ connectionString: text });
  }
  const out: Conninfo = {};
  const pair = /\s*([a-z_]+)\s*=\s*('((?:[^'\\]|\\.)*)'|[^\s']+)/gy;
  let m: RegExpExecArray | null;
  let end = 0;
  for (m = pair.exec(text); m; m = pair.exec(text)) {
    end = pair.lastIndex;
    const value = m[3] !== undefined ? m[3].replace(/\\(.)/g, '$1') : m[2];
    const key = KEYS[m[1]];
    if (key === 'port') {
      if (!/^\d{1,5}$/.test(value)) return invalid(`port ${value}`);
      out.port = Number(value);
    } else if (key) out[key] = value;
  }
  if (end === 0 || text.slice(end).trim() !== '') return invalid(`cannot read “${text.slice(end).trim() || text}”`);
  return ok(out);
}
