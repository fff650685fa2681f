/**
 * The only reader of process.env. Every variable is documented in README.md ("Configuration").
 * Values are validated against a schema; a bad value stops the process with a message naming it.
 */
import path from 'node:path';
import Type, { type Static } from 'typebox';
import Value from 'typebox/value';
import { type OfficeHours, parseOfficeHours } from './platform/calendar/office-hours';
import { ROOT } from './paths';
import { OperatorError } from './platform/errors';
import { DEMO_SECRET, ENV_DEFAULTS } from './config.vars';

export { DEFAULT_DEPARTMENT_MAP, DEMO_SECRET } from './config.vars';

const Env = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: ENV_DEFAULTS.PORT }),
  HOST: Type.String({ default: ENV_DEFAULTS.HOST }),
  DATA_DIR: Type.String({ default: ENV_DEFAULTS.DATA_DIR }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DATABASE_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 200, default: ENV_DEFAULTS.DATABASE_POOL_SIZE }),
  COCREATE_SECRET: Type.String({ minLength: 32, default: ENV_DEFAULTS.COCREATE_SECRET }),
  COUNTY_CODE: Type.String({ pattern: '^[0-9]{6}$', default: ENV_DEFAULTS.COUNTY_CODE }),
  SESSION_IDLE_MINUTES: Type.Integer({ minimum: 1, maximum: 1440, default: ENV_DEFAULTS.SESSION_IDLE_MINUTES }),
  SESSION_MAX_HOURS: Type.Integer({ minimum: 1, maximum: 720, default: ENV_DEFAULTS.SESSION_MAX_HOURS }),
  LOGIN_MAX_FAILURES: Type.Integer({ minimum: 1, maximum: 100, default: ENV_DEFAULTS.LOGIN_MAX_FAILURES }),
  LOGIN_LOCK_MINUTES: Type.Integer({ minimum: 1, maximum: 1440, default: ENV_DEFAULTS.LOGIN_LOCK_MINUTES }),
  SMS_GATEWAY: Type.Union([Type.Literal('dev')], { default: ENV_DEFAULTS.SMS_GATEWAY }),
  SMS_CODE_TTL_MINUTES: Type.Integer({ minimum: 1, maximum: 60, default: ENV_DEFAULTS.SMS_CODE_TTL_MINUTES }),
  SMS_DAILY_CAP_PER_PHONE: Type.Integer({ minimum: 1, maximum: 1000, default: ENV_DEFAULTS.SMS_DAILY_CAP_PER_PHONE }),
  RATE_LIMIT_SIGNIN_PER_MINUTE: Type.Integer({ minimum: 1, default: ENV_DEFAULTS.RATE_LIMIT_SIGNIN_PER_MINUTE }),
  RATE_LIMIT_PUBLIC_WRITE_PER_MINUTE: Type.Integer({
    minimum: 1,
    default: ENV_DEFAULTS.RATE_LIMIT_PUBLIC_WRITE_PER_MINUTE,
  }),
  RATE_LIMIT_PUBLIC_READ_PER_MINUTE: Type.Integer({
    minimum: 1,
    default: ENV_DEFAULTS.RATE_LIMIT_PUBLIC_READ_PER_MINUTE,
  }),
  REPORTS_PER_PERSON_PER_HOUR: Type.Integer({ minimum: 1, default: ENV_DEFAULTS.REPORTS_PER_PERSON_PER_HOUR }),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, default: ENV_DEFAULTS.BODY_LIMIT_BYTES }),
  TRUST_PROXY: Type.Boolean({ default: ENV_DEFAULTS.TRUST_PROXY }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: ENV_DEFAULTS.LOG_LEVEL },
  ),
  COOKIE_SECURE: Type.Boolean({ default: ENV_DEFAULTS.COOKIE_SECURE }),
  TIANDITU_KEY: Type.Optional(Type.String({ pattern: '^[0-9a-f]{32}$' })),
  DEMO_SCALE: Type.Number({ exclusiveMinimum: 0, maximum: 1, default: ENV_DEFAULTS.DEMO_SCALE }),
  OFFICE_HOURS: Type.String({ default: ENV_DEFAULTS.OFFICE_HOURS }),
  CLASSIFIER_MODEL: Type.String({ default: ENV_DEFAULTS.CLASSIFIER_MODEL }),
  CLASSIFIER_DEPARTMENT_MAP: Type.String({ default: ENV_DEFAULTS.CLASSIFIER_DEPARTMENT_MAP }),
});

// Every variable has its default in ENV_DEFAULTS (config.vars.ts), and nothing else is there.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const SAME_VARIABLES: Same<keyof typeof ENV_DEFAULTS, keyof typeof Env.properties> = true;

export type RawEnv = Static<typeof Env>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  secret: string;
  countyCode: string;
  session: { idleMinutes: number; maxHours: number; cookieSecure: boolean };
  signIn: { maxFailures: number; lockMinutes: number };
  sms: { gateway: 'dev'; codeTtlMinutes: number; dailyCapPerPhone: number };
  rateLimit: {
    signInPerMinute: number;
    publicWritePerMinute: number;
    /** public look-ups that need no sign-in (the riders' station map) */
    publicReadPerMinute: number;
    reportsPerPersonPerHour: number;
  };
  bodyLimitBytes: number;
  trustProxy: boolean;
  logLevel: string;
  /** 天地图 browser key: the grid map draws its tiles under the grid layers when set. */
  tiandituKey: string | undefined;
  /** Share of Shishou's real population the demo generates (1 = ~200k households). */
  demoScale: number;
  /** Office hours for working-hour deadlines (from OFFICE_HOURS, e.g. 08:30-12:00,14:00-17:30). */
  officeHours: OfficeHours;
  classifier: { modelPath: string; departmentMap: Record<string, string> };
  /** true when the secret is the published demo secret */
  usesDemoSecret: boolean;
}

export class ConfigError extends OperatorError {}

function departmentMapOrFail(json: string): Record<string, string> {
  try {
    const map = JSON.parse(json) as unknown;
    if (map && typeof map === 'object' && Object.values(map).every((v) => typeof v === 'string'))
      return map as Record<string, string>;
  } catch {
    /* reported below */
  }
  throw new ConfigError(
    '配置错误 Invalid configuration:\n  CLASSIFIER_DEPARTMENT_MAP: must be a JSON object of department line → department key',
  );
}

function officeHoursOrFail(spec: string): OfficeHours {
  try {
    return parseOfficeHours(spec);
  } catch (e) {
    throw new ConfigError(`配置错误 Invalid configuration:\n  OFFICE_HOURS: ${(e as Error).message}`);
  }
}

/** Reads and validates configuration. `overrides` win over the environment (used by tests and the CLI). */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<Record<keyof RawEnv, string>> = {},
): Config {
  const keys = Object.keys(Env.properties) as (keyof RawEnv)[];
  const raw: Record<string, unknown> = {};
  for (const key of keys) {
    const value = overrides[key] ?? env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const withDefaults = Value.Default(Env, Value.Convert(Env, raw));
  const errors = [...Value.Errors(Env, withDefaults)];
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.instancePath.slice(1) || '(root)'}: ${e.message}`);
    throw new ConfigError(`配置错误 Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = withDefaults as RawEnv;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    secret: e.COCREATE_SECRET,
    countyCode: e.COUNTY_CODE,
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, maxHours: e.SESSION_MAX_HOURS, cookieSecure: e.COOKIE_SECURE },
    signIn: { maxFailures: e.LOGIN_MAX_FAILURES, lockMinutes: e.LOGIN_LOCK_MINUTES },
    sms: {
      gateway: e.SMS_GATEWAY,
      codeTtlMinutes: e.SMS_CODE_TTL_MINUTES,
      dailyCapPerPhone: e.SMS_DAILY_CAP_PER_PHONE,
    },
    rateLimit: {
      signInPerMinute: e.RATE_LIMIT_SIGNIN_PER_MINUTE,
      publicWritePerMinute: e.RATE_LIMIT_PUBLIC_WRITE_PER_MINUTE,
      publicReadPerMinute: e.RATE_LIMIT_PUBLIC_READ_PER_MINUTE,
      reportsPerPersonPerHour: e.REPORTS_PER_PERSON_PER_HOUR,
    },
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    tiandituKey: e.TIANDITU_KEY,
    demoScale: e.DEMO_SCALE,
    officeHours: officeHoursOrFail(e.OFFICE_HOURS),
    classifier: {
      modelPath: path.resolve(ROOT, e.CLASSIFIER_MODEL),
      departmentMap: departmentMapOrFail(e.CLASSIFIER_DEPARTMENT_MAP),
    },
    usesDemoSecret: e.COCREATE_SECRET === DEMO_SECRET,
  };
}

/** The documented variables with their defaults, for README generation and `cocreate --help`. */
export { describeConfig } from './config.vars';

/** Test harness only: the PostgreSQL server to run the suite against (PGlite when unset). */
export function testDatabaseUrl(env: Record<string, string | undefined> = process.env): string | undefined {
  return env.TEST_DATABASE_URL || undefined;
}
