/**
 * The environment variables config.ts reads, with their defaults, as plain data: what `--help` lists
 * without loading the schema library. config.ts validates each one (type, range) and takes its
 * default from here; a variable missing on either side does not compile.
 */
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

/** The secret the demo runs with. `cocreate serve` refuses to start with it. */
export const DEMO_SECRET = 'cocreate-demo-secret-do-not-use-in-production-0000';

export const ENV_DEFAULTS = {
  PORT: 3000,
  HOST: '127.0.0.1',
  DATA_DIR: './data',
  DATABASE_URL: undefined as string | undefined,
  DATABASE_POOL_SIZE: 10,
  COCREATE_SECRET: DEMO_SECRET,
  COUNTY_CODE: '421081',
  SESSION_IDLE_MINUTES: 30,
  SESSION_MAX_HOURS: 12,
  LOGIN_MAX_FAILURES: 5,
  LOGIN_LOCK_MINUTES: 10,
  SMS_GATEWAY: 'dev',
  SMS_CODE_TTL_MINUTES: 5,
  SMS_DAILY_CAP_PER_PHONE: 10,
  RATE_LIMIT_SIGNIN_PER_MINUTE: 20,
  RATE_LIMIT_PUBLIC_WRITE_PER_MINUTE: 30,
  RATE_LIMIT_PUBLIC_READ_PER_MINUTE: 120,
  REPORTS_PER_PERSON_PER_HOUR: 20,
  BODY_LIMIT_BYTES: 1_048_576,
  TRUST_PROXY: false,
  LOG_LEVEL: 'info',
  COOKIE_SECURE: false,
  TIANDITU_KEY: undefined as string | undefined,
  DEMO_SCALE: 0.02,
  OFFICE_HOURS: '08:30-12:00,14:00-17:30',
  CLASSIFIER_MODEL: 'models/classifier/department.model.json',
  CLASSIFIER_DEPARTMENT_MAP: JSON.stringify(DEFAULT_DEPARTMENT_MAP),
} as const;

export function describeConfig(): { name: string; default: unknown }[] {
  return Object.entries(ENV_DEFAULTS).map(([name, value]) => ({ name, default: value }));
}
