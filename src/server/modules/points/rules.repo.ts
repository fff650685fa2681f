/** Earning rules (versioned, append-only) and settings per place. Queries only. */
import type { Queryable } from '../../platform/db/db';
import type { KeyValue } from '../../platform/page';
import type { RuleVersion } from './points.domain';

export interface PointsSettings {
  scopeCode: string | null;
  exchangePoints: number;
  exchangeYuan: number;
  publicityDays: number;
  reservationHours: number;
  expiryMonths: number | null;
  deskMaxFailures: number;
  deskLockMinutes: number;
  /** an adjusted award is at most this many times the rule's amount */
  overrideFactor: number;
  /** adjusted amounts per person per CST month, per kind */
  overrideMonthlyCap: number;
}

/**
 * The seed's reading: 10 points = 5 yuan; 公示 3 days; desk locks for 10 minutes after 5 wrong codes;
 * an adjusted award at most 10× the rule's amount and 200 adjusted points per person per month.
 */
export const DEFAULT_SETTINGS: PointsSettings = {
  scopeCode: null,
  exchangePoints: 10,
  exchangeYuan: 5,
  publicityDays: 3,
  reservationHours: 72,
  expiryMonths: null,
  deskMaxFailures: 5,
  deskLockMinutes: 10,
  overrideFactor: 10,
  overrideMonthlyCap: 200,
};

const SETTINGS_COLUMNS = `scope_code AS "scopeCode", exchange_points AS "exchangePoints", exchange_yuan AS "exchangeYuan", publicity_days AS "publicityDays",
  reservation_hours AS "reservationHours", expiry_months AS "expiryMonths", desk_max_failures AS "deskMaxFailures", desk_lock_minutes AS "deskLockMinutes",
  override_factor AS "overrideFactor", override_monthly_cap AS "overrideMonthlyCap"`;

/** The settings in force at a place: the nearest ancestor's row, else the defaults. */
export async function settingsAt(q: Queryable, code: string): Promise<PointsSettings> {
  const { rows } = await q.query<PointsSettings>(
    `SELECT ${SETTINGS_COLUMNS} FROM points_settings WHERE $1 LIKE scope_code || '%' ORDER BY length(scope_code) DESC LIMIT 1`,
    [code],
  );
  return rows[0] ? { ...rows[0], exchangeYuan: Number(rows[0].exchangeYuan) } : DEFAULT_SETTINGS;
}

export async function saveSettings(
  q: Queryable,
  s: PointsSettings & { scopeCode: string },
  by: string,
  now: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO points_settings (scope_code, exchange_points, exchange_yuan, publicity_days, reservation_hours, expiry_months, desk_max_failures, desk_lock_minutes,
       updated_at, updated_by, override_factor, override_monthly_cap)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (scope_code) DO UPDATE SET exchange_points = $2, exchange_yuan = $3, publicity_days = $4, reservation_hours = $5, expiry_months = $6,
       desk_max_failures = $7, desk_lock_minutes = $8, updated_at = $9, updated_by = $10, override_factor = $11, override_monthly_cap = $12`,
    [
      s.scopeCode,
      s.exchangePoints,
      s.exchangeYuan,
      s.publicityDays,
      s.reservationHours,
      s.expiryMonths,
      s.deskMaxFailures,
      s.deskLockMinutes,
      now.toISOString(),
      by,
      s.overrideFactor,
      s.overrideMonthlyCap,
    ],
  );
}

export interface Rule extends RuleVersion {
  name: string;
  kind: 'earn' | 'deduct';
  source: 'cases.filed' | 'manual';
  amount: number;
  dailyCap: number | null;
  monthlyCap: number | null;
  createdAt: Date;
  createdBy: string | null;
}

const RULE_COLUMNS = `id, scope_code AS "scopeCode", code, version, name, kind, source, amount, daily_cap AS "dailyCap", monthly_cap AS "monthlyCap",
  effective_from AS "effectiveFrom", created_at AS "createdAt", created_by AS "createdBy"`;

/** Every version of a rule code at the place or any of its ancestors. */
export async function versionsFor(q: Queryable, code: string, place: string): Promise<Rule[]> {
  const { rows } = await q.query<Rule>(
    `SELECT ${RULE_COLUMNS} FROM points_rules WHERE code = $1 AND $2 LIKE scope_code || '%'`,
    [code, place],
  );
  return rows;
}

export async function findRule(q: Queryable, id: string): Promise<Rule | null> {
  const { rows } = await q.query<Rule>(`SELECT ${RULE_COLUMNS} FROM points_rules WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

/** The console's order of rules: by place and code, the latest version first. */
export const ruleKey = (r: Rule) => [r.scopeCode, r.code, -r.version] as const;

/** Rules in the actor's subtrees and above them (those that apply there), all versions, for the console. */
export async function listRules(
  q: Queryable,
  scopes: string[],
  limit: number,
  after: readonly KeyValue[] | null,
): Promise<Rule[]> {
  const [scope, code, negVersion] = after ?? [null, null, null];
  const { rows } = await q.query<Rule>(
    `SELECT ${RULE_COLUMNS} FROM points_rules r
      WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE r.scope_code LIKE s || '%' OR s LIKE r.scope_code || '%')
        AND ($3::text IS NULL OR (r.scope_code, r.code, -r.version) > ($3::text, $4::text, $5::int))
      ORDER BY scope_code, code, version DESC LIMIT $2`,
    [scopes, limit, scope, code, negVersion],
  );
  return rows;
}

export type NewRule = Omit<Rule, 'id' | 'version'>;

/** Appends a version (the next number for the scope and code); null when it already exists. */
export async function insertRuleVersion(q: Queryable, r: NewRule, version?: number): Promise<Rule | null> {
  const { rows } = await q.query<Rule>(
    `INSERT INTO points_rules (scope_code, code, version, name, kind, source, amount, daily_cap, monthly_cap, effective_from, created_at, created_by)
     VALUES ($1, $2, coalesce($12, (SELECT coalesce(max(version), 0) + 1 FROM points_rules WHERE scope_code = $1 AND code = $2)),
             $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (scope_code, code, version) DO NOTHING RETURNING ${RULE_COLUMNS}`,
    [
      r.scopeCode,
      r.code,
      r.name,
      r.kind,
      r.source,
      r.amount,
      r.dailyCap,
      r.monthlyCap,
      r.effectiveFrom.toISOString(),
      r.createdAt.toISOString(),
      r.createdBy,
      version ?? null,
    ],
  );
  return rows[0] ?? null;
}

/** The built-in rule: a woodpecker's report filed as valid earns 10 points (线索 1 : 积分 10). */
export const WOODPECKER_RULE = { code: 'woodpecker_report', name: '啄木鸟线索立案', amount: 10 } as const;

/**
 * The built-in rule for service activities (issue #14): a resident's attendance confirmed by the
 * organiser earns 5 points, at most 10 a day. A manual item, so staff may also award it by hand and
 * a village or town may version it (amount, caps) like any other.
 */
export const VOLUNTEER_RULE = { code: 'volunteer_service', name: '志愿服务', amount: 5, dailyCap: 10 } as const;

/** Rules created at the county on first use, with their source. */
export const BUILT_IN_RULES: Readonly<
  Record<string, { name: string; amount: number; dailyCap: number | null; source: 'cases.filed' | 'manual' }>
> = {
  [WOODPECKER_RULE.code]: { ...WOODPECKER_RULE, dailyCap: null, source: 'cases.filed' },
  [VOLUNTEER_RULE.code]: { ...VOLUNTEER_RULE, source: 'manual' },
};
