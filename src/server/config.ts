/**
 * The only reader of process.env. Every variable is documented in README.md ("Configuration").
 * Values are validated against a schema; a bad value stops the process with a message naming it.
 */
import path from 'node:path';
import Type, { type Static } from 'typebox';
import Value from 'typebox/value';
import { type OfficeHours, parseOfficeHours } from './platform/calendar/working-time';
import { ROOT } from './paths';
import { OperatorError } from './platform/errors';

/** The secret the demo runs with. `cocreate serve` refuses to start with it. */
/** Classifier department lines → the county's department keys (see modules/divisions/departments.ts). */
export const DEFAULT_DEPARTMENT_MAP: Record<string, string> = {
  城乡建设: 'zjj',
  环境保护: 'sthj',
  交通运输: 'jtj',
  教育文体: 'jyj',
  劳动和社会保障: 'rsj',
  商贸旅游: 'swj',
  卫生计生: 'wjj',
};

export const DEMO_SECRET = 'cocreate-demo-secret-do-not-use-in-production-0000';

const Env = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ default: '127.0.0.1' }),
  DATA_DIR: Type.String({ default: './data' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DATABASE_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 200, default: 10 }),
  COCREATE_SECRET: Type.String({ minLength: 32, default: DEMO_SECRET }),
  COUNTY_CODE: Type.String({ pattern: '^[0-9]{6}$', default: '421081' }),
  SESSION_IDLE_MINUTES: Type.Integer({ minimum: 1, maximum: 1440, default: 30 }),
  SESSION_MAX_HOURS: Type.Integer({ minimum: 1, maximum: 720, default: 12 }),
  LOGIN_MAX_FAILURES: Type.Integer({ minimum: 1, maximum: 100, default: 5 }),
  LOGIN_LOCK_MINUTES: Type.Integer({ minimum: 1, maximum: 1440, default: 10 }),
  SMS_GATEWAY: Type.Union([Type.Literal('dev')], { default: 'dev' }),
  SMS_CODE_TTL_MINUTES: Type.Integer({ minimum: 1, maximum: 60, default: 5 }),
  SMS_DAILY_CAP_PER_PHONE: Type.Integer({ minimum: 1, maximum: 1000, default: 10 }),
  RATE_LIMIT_SIGNIN_PER_MINUTE: Type.Integer({ minimum: 1, default: 20 }),
  RATE_LIMIT_PUBLIC_WRITE_PER_MINUTE: Type.Integer({ minimum: 1, default: 30 }),
  REPORTS_PER_PERSON_PER_HOUR: Type.Integer({ minimum: 1, default: 20 }),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, default: 1_048_576 }),
  TRUST_PROXY: Type.Boolean({ default: false }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  COOKIE_SECURE: Type.Boolean({ default: false }),
  TIANDITU_KEY: Type.Optional(Type.String({ pattern: '^[0-9a-f]{32}$' })),
  DEMO_SCALE: Type.Number({ exclusiveMinimum: 0, maximum: 1, default: 0.02 }),
  OFFICE_HOURS: Type.String({ default: '08:30-12:00,14:00-17:30' }),
  CLASSIFIER_MODEL: Type.String({ default: 'models/classifier/department.model.json' }),
  CLASSIFIER_DEPARTMENT_MAP: Type.String({ default: JSON.stringify(DEFAULT_DEPARTMENT_MAP) }),
});

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
  rateLimit: { signInPerMinute: number; publicWritePerMinute: number; reportsPerPersonPerHour: number };
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
export function describeConfig(): { name: string; default: unknown; description?: string }[] {
  return Object.entries(Env.properties).map(([name, schema]) => ({
    name,
    default: (schema as { default?: unknown }).default,
  }));
}

/** Test harness only: the PostgreSQL server to run the suite against (PGlite when unset). */
export function testDatabaseUrl(env: Record<string, string | undefined> = process.env): string | undefined {
  return env.TEST_DATABASE_URL || undefined;
}
