/**
 * Earning (积分获取): the `cases.filed` consumer (a woodpecker's report filed as valid), manual
 * awards and deductions by staff under a rule item, and new rule versions. Every award starts
 * pending — or awaiting approval when its amount is not the rule's (with a reason, within the
 * per-award and per-month caps); caps and the idempotency key (rule, source event, person) are
 * enforced here and by the database (UNIQUE), with the person's balance row locked so concurrent
 * awards cannot pass a cap. Nobody awards themselves or their household (duties.ts): a manual
 * award's creator, or the staff member who filed the case, is recorded and never reviews it.
 */
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import { cstDate } from '../../platform/calendar/working-time';
import type { Queryable } from '../../platform/db/db';
import { inSavepoint } from '../../platform/db/savepoint';
import type { Deps } from '../../platform/deps';
import { AppError, unwrap } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, type Page, pageOf } from '../../platform/page';
import { afterKey } from '../../platform/page-keys';
import { type Subscription, subscribe } from '../../platform/outbox/outbox';
import { CASES_FILED } from '../cases';
import { findDivision } from '../divisions';
import { presentAward } from './approval.service';
import * as awards from './awards.repo';
import { lockPerson } from './ledger.repo';
import { assertDuty, dutiesOf } from './duties';
import { filerOf, householdAccounts, isActivePerson, isWoodpeckerAt } from './people.repo';
import { capAllowance, checkAmount, checkEffectiveFrom, checkOverride, pickRule, villageOf } from './points.domain';
import { managesAt, managedScopes } from './points.policy';
import * as rules from './rules.repo';
import type { PageRequest, RuleInput } from './points.schema';

const CST_MS = 8 * 3_600_000;
/** Start of the CST day and month of an instant, and their ends. */
function periods(at: Date) {
  const day = cstDate(at);
  const dayStart = new Date(Date.parse(`${day}T00:00:00Z`) - CST_MS);
  const [y, m] = day.split('-').map(Number);
  const monthStart = new Date(Date.UTC(y, m - 1, 1) - CST_MS);
  const monthEnd = new Date(Date.UTC(y, m, 1) - CST_MS);
  return { dayStart, dayEnd: new Date(dayStart.getTime() + 86_400_000), monthStart, monthEnd };
}

/** The rule version in force at a place and time; a built-in rule (woodpecker, volunteer) is created on first use. */
async function ruleInForce(
  tx: Queryable,
  code: string,
  place: string,
  at: Date,
  countyCode: string,
): Promise<rules.Rule | null> {
  let found = pickRule(await rules.versionsFor(tx, code, place), place, at);
  const builtIn = rules.BUILT_IN_RULES[code];
  if (!found && builtIn && place.startsWith(countyCode)) {
    const existing = await rules.versionsFor(tx, code, countyCode);
    if (existing.every((v) => v.scopeCode !== countyCode)) {
      await rules.insertRuleVersion(
        tx,
        {
          scopeCode: countyCode,
          code,
          name: builtIn.name,
          kind: 'earn',
          source: builtIn.source,
          amount: builtIn.amount,
          dailyCap: builtIn.dailyCap,
          monthlyCap: null,
          effectiveFrom: new Date(0),
          createdAt: at,
          createdBy: null,
        },
        1,
      );
      found = pickRule(await rules.versionsFor(tx, code, place), place, at);
    }
  }
  return found;
}

interface AwardRequest {
  rule: rules.Rule;
  userId: string;
  issuerCode: string;
  sourceEvent: string;
  reason: string;
  earnedAt: Date;
  amount?: number;
  /** why the amount differs from the rule's (required then) */
  amountReason?: string;
  createdBy: string | null;
  now: Date;
}

/** Creates a pending award under caps (awaiting approval when adjusted); null when this (rule, event, person) already has one. */
async function createAward(tx: Queryable, r: AwardRequest): Promise<{ id: string; amount: number } | null> {
  await lockPerson(tx, r.userId, r.now); // serialises awards of one person: caps hold under concurrency
  let amount = unwrap(checkAmount(r.amount ?? r.rule.amount));
  let overridden = false;
  if (amount !== r.rule.amount) {
    const s = await rules.settingsAt(tx, r.issuerCode);
    const p = periods(r.earnedAt);
    const adjusted = await awards.adjustedBetween(tx, r.userId, r.rule.kind, p.monthStart, p.monthEnd);
    overridden = unwrap(
      checkOverride(
        r.rule.amount,
        amount,
        r.amountReason,
        { factor: s.overrideFactor, monthlyCap: s.overrideMonthlyCap },
        adjusted,
      ),
    ).overridden;
  }
  if (r.rule.kind === 'earn' && (r.rule.dailyCap !== null || r.rule.monthlyCap !== null)) {
    const p = periods(r.earnedAt);
    const today = await awards.earnedBetween(tx, r.userId, r.rule.code, p.dayStart, p.dayEnd);
    const month = await awards.earnedBetween(tx, r.userId, r.rule.code, p.monthStart, p.monthEnd);
    amount = unwrap(capAllowance(amount, { daily: r.rule.dailyCap, monthly: r.rule.monthlyCap }, today, month));
  }
  const id = await awards.insertAward(tx, {
    ruleId: r.rule.id,
    userId: r.userId,
    issuerCode: r.issuerCode,
    sourceEvent: r.sourceEvent,
    kind: r.rule.kind,
    amount,
    reason: r.reason,
    earnedAt: r.earnedAt,
    createdBy: r.createdBy,
    amountReason: overridden ? r.amountReason!.trim() : null,
    now: r.now,
  });
  return id ? { id, amount } : null;
}

/**
 * The `cases.filed` handler: a report filed as valid earns its woodpecker reporter the rule in
 * force at the case's place on the filing date. Idempotent: redelivery finds the award already there.
 */
export function casesFiledHandler(deps: Deps): Subscription {
  return subscribe(CASES_FILED, async (tx, message) => {
    const p = message.payload;
    if (!p.reporterId || !(await isWoodpeckerAt(tx, p.reporterId, p.divisionCode))) return;
    const filedAt = new Date(p.filedAt);
    const rule = await ruleInForce(tx, rules.WOODPECKER_RULE.code, p.divisionCode, filedAt, deps.config.countyCode);
    if (!rule || rule.kind !== 'earn') return;
    const now = deps.clock.now();
    // whoever filed the case created the award: never for themselves or their household, and never its reviewer
    const filer = await filerOf(tx, p.caseId);
    if (filer && (await householdAccounts(tx, filer)).has(p.reporterId)) {
      await audit(
        tx,
        { kind: 'anonymous', ip: null },
        {
          action: 'points.award_refused',
          entityType: 'case',
          entityId: p.caseId,
          scopeCode: villageOf(p.divisionCode),
          outcome: 'failure',
          label: 'cases.filed',
          after: { userId: p.reporterId, filedBy: filer, reason: 'points_self_dealing', caseNumber: p.number },
        },
      );
      return;
    }
    try {
      const reporterId = p.reporterId;
      const created = await inSavepoint(tx, 'points_award', () =>
        createAward(tx, {
          rule,
          userId: reporterId,
          issuerCode: villageOf(p.divisionCode),
          sourceEvent: `case:${p.caseId}`,
          reason: `${rule.name}：${p.number}`,
          earnedAt: filedAt,
          createdBy: filer,
          now,
        }),
      );
      if (created) {
        await audit(
          tx,
          { kind: 'anonymous', ip: null },
          {
            action: 'points.award_earned',
            entityType: 'points_award',
            entityId: created.id,
            scopeCode: villageOf(p.divisionCode),
            after: {
              userId: p.reporterId,
              rule: rule.code,
              version: rule.version,
              amount: created.amount,
              caseNumber: p.number,
            },
            label: 'cases.filed',
          },
        );
      }
    } catch (err) {
      if (err instanceof AppError && err.code === 'points_cap_reached') return; // over the cap: no award, message done
      throw err;
    }
  });
}

export interface ManualAwardInput {
  userId: string;
  ruleCode: string;
  placeCode: string;
  reason: string;
  amount?: number;
  /** Required when `amount` is not the rule's: the award then waits for a second person's approval. */
  amountReason?: string;
  /** The caller's key for this award (e.g. the volunteer activity id); retries with it award once. */
  sourceRef: string;
}

/** A staff member awards (or deducts) points under a rule item; the award then goes through review and publicity. */
export async function manualAward(deps: Deps, actor: Actor, input: ManualAwardInput) {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  if (!managesAt(actor, input.placeCode)) throw new AppError('forbidden');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const rule = await ruleInForce(tx, input.ruleCode, input.placeCode, now, deps.config.countyCode);
    if (!rule || rule.source !== 'manual') throw new AppError('points_unknown_rule', { code: input.ruleCode });
    if (!(await isActivePerson(tx, input.userId))) throw new AppError('not_found', { what: `person ${input.userId}` });
    const duties = await dutiesOf(tx, actor);
    assertDuty(actor, duties, { userId: input.userId, createdBy: actor.userId }, 'award');
    const created = await createAward(tx, {
      rule,
      userId: input.userId,
      issuerCode: villageOf(input.placeCode),
      sourceEvent: `manual:${input.sourceRef}`,
      reason: `${rule.name}：${input.reason}`,
      earnedAt: now,
      amount: input.amount,
      amountReason: input.amountReason,
      createdBy: actor.userId,
      now,
    });
    if (!created)
      throw new AppError('conflict', {
        reasonZh: `${input.sourceRef} 已有积分记录`,
        reasonEn: `an award for ${input.sourceRef} already exists`,
      });
    const award = (await awards.findAward(tx, created.id))!;
    await audit(tx, actor, {
      action: rule.kind === 'earn' ? 'points.award_manual' : 'points.deduct_manual',
      entityType: 'points_award',
      entityId: created.id,
      scopeCode: input.placeCode,
      after: {
        userId: input.userId,
        rule: rule.code,
        version: rule.version,
        amount: created.amount,
        ruleAmount: rule.amount,
        reason: input.reason,
        amountReason: award.amountReason,
        state: award.state,
      },
    });
    return presentAward(actor, duties, award);
  });
}

/** A new version of a rule at a village, community or town, effective from now or later. */
export async function createRuleVersion(deps: Deps, actor: Actor, input: RuleInput) {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  if (
    !managesAt(actor, input.scopeCode) ||
    !actor.grants.some((g) => g.role === 'village_officer' || g.role === 'town_officer')
  )
    throw new AppError('forbidden');
  if (!(await findDivision(deps.db, input.scopeCode)))
    throw new AppError('unknown_division', { code: input.scopeCode });
  const now = deps.clock.now();
  const effectiveFrom = unwrap(checkEffectiveFrom(new Date(input.effectiveFrom), now));
  unwrap(checkAmount(input.amount));
  if (input.kind === 'deduct' && input.source !== 'manual')
    throw new AppError('validation_failed', { summary: 'deductions are manual items' });
  return deps.db.transaction(async (tx) => {
    const created = await rules.insertRuleVersion(tx, {
      scopeCode: input.scopeCode,
      code: input.code,
      name: input.name,
      kind: input.kind,
      source: input.source,
      amount: input.amount,
      dailyCap: input.dailyCap ?? null,
      monthlyCap: input.monthlyCap ?? null,
      effectiveFrom,
      createdAt: now,
      createdBy: actor.userId,
    });
    if (!created)
      throw new AppError('conflict', {
        reasonZh: '同一时刻已有另一版本，请重试',
        reasonEn: 'another version was created at the same moment; try again',
      });
    await audit(tx, actor, {
      action: 'points.rule_version',
      entityType: 'points_rule',
      entityId: created.id,
      scopeCode: input.scopeCode,
      after: created,
    });
    return created;
  });
}

export async function listRuleVersions(deps: Deps, actor: Actor, page: PageRequest = {}): Promise<Page<rules.Rule>> {
  const scopes = [
    ...managedScopes(actor),
    ...(actor.kind === 'user' ? actor.grants.filter((g) => g.role === 'county_officer').map((g) => g.scopeCode) : []),
  ];
  if (!scopes.length) throw new AppError('forbidden');
  const after = afterKey(page.cursor, ['string', 'string', 'integer']);
  const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
  return pageOf(await rules.listRules(deps.db, scopes, limit + 1, after), limit, rules.ruleKey);
}

export interface ServiceAwardInput {
  /** the resident */
  userId: string;
  /** where the service took place (the issuer is its village) */
  placeCode: string;
  /** the caller's key (e.g. `activity:<sign-up id>`): one award per key and person */
  sourceRef: string;
  reason: string;
  earnedAt: Date;
  /** the staff member who confirmed the service: the award's creator (never its reviewer) */
  createdBy: string;
}

/**
 * Points for confirmed volunteer service (issue #14), inside the caller's transaction: the
 * `volunteer_service` rule in force at the place (built in: 5 points, 10 a day), the same caps,
 * review, publicity and ledger as every award. Null when the key already has an award, the cap is
 * reached or the rule is not an earning rule; the award's id and amount otherwise.
 */
export async function awardForService(
  tx: Queryable,
  deps: Deps,
  input: ServiceAwardInput,
): Promise<{ id: string; amount: number } | null> {
  const rule = await ruleInForce(
    tx,
    rules.VOLUNTEER_RULE.code,
    input.placeCode,
    input.earnedAt,
    deps.config.countyCode,
  );
  if (!rule || rule.kind !== 'earn') return null;
  try {
    const created = await inSavepoint(tx, 'points_service_award', () =>
      createAward(tx, {
        rule,
        userId: input.userId,
        issuerCode: villageOf(input.placeCode),
        sourceEvent: input.sourceRef,
        reason: `${rule.name}：${input.reason}`,
        earnedAt: input.earnedAt,
        createdBy: input.createdBy,
        now: deps.clock.now(),
      }),
    );
    if (created) {
      await audit(
        tx,
        { kind: 'anonymous', ip: null },
        {
          action: 'points.award_earned',
          entityType: 'points_award',
          entityId: created.id,
          scopeCode: villageOf(input.placeCode),
          after: { userId: input.userId, rule: rule.code, version: rule.version, amount: created.amount },
          label: input.sourceRef,
        },
      );
    }
    return created;
  } catch (err) {
    if (err instanceof AppError && err.code === 'points_cap_reached') return null;
    throw err;
  }
}
