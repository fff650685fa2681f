/**
 * The 头雁 records' people: create (linked to the register or by name), change, list, read one
 * record, export, and the counts (六支队伍, 双提升). Org-department officers of the place only
 * (leaders.policy.ts); every read of a person is audited with ids only, never names.
 */
import type { UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import { cstDate } from '../../platform/calendar/working-time';
import { maskPhone, normalizePhone } from '../../platform/crypto/masking';
import type { Queryable } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, type Page, pageOf } from '../../platform/page';
import { afterKey } from '../../platform/page-keys';
import { badDate, isRealDate, meanProgress, overlappingPosts } from './leaders.domain';
import { TEAMS, type Team } from './leaders.labels';
import { canKeepAt, orgScopes } from './leaders.policy';
import type * as S from './leaders.schema';
import * as repo from './people.repo';
import { tiersOf } from './tiers.repo';
import { tierLine } from './leaders.views';

export const NOT_FOUND = () => new AppError('not_found', { what: 'leadership record' });

/** The actor's org-department subtrees, narrowed to `scope` when given; else 404 (no such register for them). */
export function scopesFor(actor: UserActor, scope?: string): string[] {
  const mine = orgScopes(actor);
  if (!mine.length) throw new AppError('not_found', { what: 'leadership records' });
  if (scope === undefined) return mine;
  if (!mine.some((s) => scope.startsWith(s)))
    throw new AppError('not_found', { what: `leadership records of ${scope}` });
  return [scope];
}

/** The key a page starts after, for lists keyed by (a date, an id): a forged date is a 400 like any forged cursor. */
export function dayKey(cursor: string | undefined) {
  const key = afterKey(cursor, ['string', 'uuid']);
  if (key && !isRealDate(String(key[0]))) throw new AppError('cursor_invalid', { field: 'cursor' });
  return key;
}

export function checkDates(fields: Record<string, string | undefined>) {
  const bad = badDate(fields);
  if (bad) throw new AppError('leaders_date_invalid', bad);
}

/** A person the actor may keep, or 404 (locked for a write). */
export async function keptPerson(q: Queryable, actor: UserActor, id: string, lock = false) {
  const p = await repo.findPerson(q, id, lock);
  if (!p || !canKeepAt(actor, p.villageCode)) throw NOT_FOUND();
  return p;
}

async function withPosts(q: Queryable, rows: repo.PersonRow[]): Promise<S.PersonLine[]> {
  const posts = await repo.postsIn(q, [...new Set(rows.map((r) => r.villageCode))]);
  const flagged = overlappingPosts(posts);
  return rows.map((r) => ({
    id: r.id,
    villageCode: r.villageCode,
    villageName: r.villageName,
    name: r.name,
    gender: r.gender,
    birthDate: r.birthDate,
    education: r.education,
    teams: r.teams,
    onRegister: r.residentId !== null,
    phoneMasked: r.phoneMasked,
    idMasked: r.idMasked,
    mentor: r.mentor,
    posts: posts
      .filter((p) => p.personId === r.id)
      .map((p) => ({
        id: p.id,
        body: p.body,
        post: p.post,
        termStart: p.termStart,
        termEnd: p.termEnd,
        overlap: flagged.has(p.id),
      })),
  }));
}

export async function createPerson(deps: Deps, actor: UserActor, body: S.PersonBody) {
  return deps.db.transaction(async (tx) => {
    const village = await repo.division(tx, body.villageCode);
    if (!village || !canKeepAt(actor, body.villageCode))
      throw new AppError('not_found', { what: `village ${body.villageCode}` });
    if (village.level !== 5) throw new AppError('leaders_not_village', { code: body.villageCode });
    checkDates({ birthDate: body.birthDate });
    let who: { name: string; gender: string | null; birthDate: string | null } = {
      name: body.name?.trim() ?? '',
      gender: body.gender ?? null,
      birthDate: body.birthDate ?? null,
    };
    if (body.residentId) {
      const r = await repo.resident(tx, body.residentId);
      if (!r || r.villageCode !== body.villageCode)
        throw new AppError('leaders_resident_outside', { village: village.name });
      who = { name: r.name, gender: null, birthDate: null };
    } else if (!who.name)
      throw new AppError('validation_failed', { summary: 'name: required for a person not on the register' });
    let phone: string | null = null;
    if (body.phone !== undefined && !body.residentId) {
      phone = normalizePhone(body.phone);
      if (!phone) throw new AppError('validation_failed', { summary: 'phone: a mainland mobile number' });
    }
    const id = await repo.insertPerson(tx, {
      villageCode: body.villageCode,
      residentId: body.residentId ?? null,
      ...who,
      phoneCipher: phone ? deps.crypto.encrypt(phone) : null,
      phoneMasked: phone ? maskPhone(phone) : null,
      education: body.education,
      teams: body.teams,
      mentor: body.mentor?.trim() || null,
      at: deps.clock.now(),
    });
    if (!id) throw new AppError('leaders_already_recorded');
    await audit(tx, actor, {
      action: 'leaders.person_create',
      entityType: 'leader_person',
      entityId: id,
      scopeCode: body.villageCode,
      after: { teams: body.teams, onRegister: Boolean(body.residentId) },
    });
    return { id };
  });
}

export async function updatePerson(deps: Deps, actor: UserActor, id: string, body: S.PersonPatch) {
  return deps.db.transaction(async (tx) => {
    const p = await keptPerson(tx, actor, id, true);
    const next = {
      education: body.education ?? p.education,
      teams: body.teams ?? p.teams,
      mentor: body.mentor === undefined ? p.mentor : body.mentor?.trim() || null,
    };
    await repo.updatePerson(tx, id, next);
    await audit(tx, actor, {
      action: 'leaders.person_update',
      entityType: 'leader_person',
      entityId: id,
      scopeCode: p.villageCode,
      before: { teams: p.teams, education: p.education },
      after: { teams: next.teams, education: next.education },
    });
    return { id };
  });
}

export async function listPeople(deps: Deps, actor: UserActor, q: S.PersonQuery): Promise<Page<S.PersonLine>> {
  const scopes = scopesFor(actor, q.scope);
  const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
  const rows = await repo.listPeople(
    deps.db,
    { scopes, team: q.team, name: q.name },
    limit,
    afterKey(q.cursor, repo.PERSON_KEY),
  );
  const page = pageOf(rows, limit, repo.personKey);
  await deps.db.transaction((tx) =>
    audit(tx, actor, {
      action: 'leaders.person_list',
      entityType: 'leader_person',
      scopeCode: q.scope ?? null,
      after: { ids: page.items.map((p) => p.id), searched: q.name !== undefined },
    }),
  );
  return { ...page, items: await withPosts(deps.db, page.items) };
}

/** One person's record: posts (overlaps flagged), training, tiers, plan, 双提升; audited (refusals too). */
export async function getPerson(deps: Deps, actor: UserActor, id: string): Promise<S.PersonRecord> {
  const p = await repo.findPerson(deps.db, id);
  if (!p || !canKeepAt(actor, p.villageCode)) {
    if (p)
      await deps.db.transaction((tx) =>
        audit(tx, actor, {
          action: 'leaders.person_view',
          entityType: 'leader_person',
          entityId: id,
          outcome: 'denied',
        }),
      );
    throw NOT_FOUND();
  }
  const today = cstDate(deps.clock.now());
  const [[person], trainings, tiers, goals, upgrades] = await Promise.all([
    withPosts(deps.db, [p]),
    repo.trainingsOf(deps.db, id),
    tiersOf(deps.db, id),
    repo.goalsOf(deps.db, id),
    repo.upgradesOf(deps.db, id),
  ]);
  await deps.db.transaction((tx) =>
    audit(tx, actor, {
      action: 'leaders.person_view',
      entityType: 'leader_person',
      entityId: id,
      scopeCode: p.villageCode,
    }),
  );
  return {
    person,
    trainings,
    tiers: tiers.map((t) => tierLine(t, today)),
    goals: goals.map((g) => ({ ...g, overdue: g.progress < 100 && g.dueOn < today })),
    upgrades,
  };
}

/** Every person the actor may list (optionally one team), for the xlsx 台账; audited with the ids. */
export async function exportPeople(deps: Deps, actor: UserActor, scope?: string, team?: Team) {
  const scopes = scopesFor(actor, scope);
  const rows: repo.PersonRow[] = [];
  for (let after: readonly unknown[] | null = null; ; ) {
    const page = await repo.listPeople(deps.db, { scopes, team }, 1000, after as never);
    rows.push(...page.slice(0, 1000));
    if (page.length <= 1000) break;
    after = repo.personKey(page[999]);
  }
  const lines = await withPosts(deps.db, rows);
  const goals = team === 'reserve' ? await Promise.all(rows.map((r) => repo.goalsOf(deps.db, r.id))) : [];
  await deps.db.transaction((tx) =>
    audit(tx, actor, {
      action: 'leaders.export',
      entityType: 'leader_person',
      scopeCode: scope ?? null,
      after: { ids: rows.map((r) => r.id), team: team ?? null },
    }),
  );
  return lines.map((l, i) => ({ ...l, goals: goals[i] ?? [] }));
}

/** The level below the scope that counts are grouped by: a county by town, a town or village by village. */
const groupLength = (scope: string) => (scope.length <= 6 ? 9 : 12);
const zeroCounts = () => Object.fromEntries(TEAMS.map((t) => [t, 0])) as Record<Team, number>;

/** 六支队伍: counts per village of a town, or per town of a county (the actor's first place by default). */
export async function teamCounts(deps: Deps, actor: UserActor, scope?: string): Promise<S.TeamCountsResult> {
  const at = scopesFor(actor, scope)[0];
  const rows = await repo.teamCounts(deps.db, at, groupLength(at));
  const groups = new Map<string, S.TeamCountsResult['rows'][number]>();
  const total = zeroCounts();
  for (const r of rows) {
    const g = groups.get(r.code) ?? { code: r.code, name: r.name, counts: zeroCounts() };
    g.counts[r.team] = r.n;
    total[r.team] += r.n;
    groups.set(r.code, g);
  }
  return { scope: at, rows: [...groups.values()], total };
}

/** 双提升: the plan's people and mean progress per town (of a county) or village (of a town), and overall. */
export async function upgradeProgress(deps: Deps, actor: UserActor, scope?: string): Promise<S.UpgradeProgressResult> {
  const at = scopesFor(actor, scope)[0];
  const rows = await repo.upgradeSums(deps.db, at, groupLength(at));
  const sums = new Map<
    string,
    { code: string; name: string; education: [number, number]; ability: [number, number] }
  >();
  const total = { education: [0, 0] as [number, number], ability: [0, 0] as [number, number] };
  for (const r of rows) {
    const g = sums.get(r.code) ?? { code: r.code, name: r.name, education: [0, 0], ability: [0, 0] };
    g[r.kind] = [r.people, r.sum];
    total[r.kind][0] += r.people;
    total[r.kind][1] += r.sum;
    sums.set(r.code, g);
  }
  const mean = ([people, sum]: [number, number]) => ({ people, mean: meanProgress(sum, people) });
  return {
    scope: at,
    rows: [...sums.values()].map((g) => ({
      code: g.code,
      name: g.name,
      education: mean(g.education),
      ability: mean(g.ability),
    })),
    total: { education: mean(total.education), ability: mean(total.ability) },
  };
}
