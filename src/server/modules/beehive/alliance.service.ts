/**
 * The 红新党建服务联盟: its member organisations (kept by the county; read by the station keepers; a
 * public list for workers) and the routing of 五帮 requests — which body answers which kind within how
 * many working days — changed by the county (audited) over the defaults of beehive.domain.ts. A
 * platform company answering its own workers' requests gets a department of its own, so its station's
 * staff answer them like any department (a department handler of that department).
 */
import type { UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Queryable } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { departmentCode } from '../divisions';
import * as repo from './alliance.repo';
import type * as S from './alliance.schema';
import { effectiveRoutes, platformKey, resolveBody } from './beehive.domain';
import { HELP_BODY_LABELS, type HelpBody, REQUEST_KIND_LABELS, type RequestKind } from './beehive.labels';
import { handledDepartments, readsAllRequests, stationScopes } from './beehive.policy';
import { ensureDepartment } from './help.repo';

const cstDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

function requireKeeper(deps: Deps, actor: UserActor) {
  if (!readsAllRequests(actor, deps.config.countyCode)) throw new AppError('forbidden');
}
/** Station keepers and readers, the requests' handlers and county officers read the members and the routing. */
function requireReader(deps: Deps, actor: UserActor) {
  if (stationScopes(actor).length === 0 && handledDepartments(actor).length === 0) requireKeeper(deps, actor);
}

// ---- members ----

export async function members(deps: Deps, actor: UserActor): Promise<S.Members> {
  requireReader(deps, actor);
  const [rows, counts] = await Promise.all([repo.listMembers(deps.db), repo.workersByPlatform(deps.db)]);
  const byKey = new Map<string, number>();
  for (const c of counts) byKey.set(platformKey(c.platform), (byKey.get(platformKey(c.platform)) ?? 0) + c.n);
  return {
    items: rows.map((m) => ({
      ...m,
      answersRequests: m.departmentCode !== null,
      workers: m.platformName ? (byKey.get(platformKey(m.platformName)) ?? 0) : null,
    })),
  };
}

/** The members in the alliance today, for workers (names and kinds only). */
export async function publicMembers(deps: Deps): Promise<S.PublicMembers> {
  const today = cstDay(deps.clock.now());
  const rows = await repo.listMembers(deps.db);
  return {
    items: rows
      .filter((m) => m.joinedOn <= today && (m.leftOn === null || m.leftOn >= today))
      .map((m) => ({ name: m.name, kind: m.kind, platformName: m.platformName })),
  };
}

export async function saveMember(deps: Deps, actor: UserActor, id: string | null, body: S.MemberBody) {
  requireKeeper(deps, actor);
  const name = body.name.trim();
  const platformName = body.platformName?.trim() || null;
  if ((body.kind === 'platform') !== (platformName !== null)) throw new AppError('beehive_member_platform');
  if (body.leftOn && body.leftOn < body.joinedOn)
    throw new AppError('beehive_member_dates', { joinedOn: body.joinedOn, leftOn: body.leftOn });
  if (body.partyOrgCode && !(await repo.partyOrgExists(deps.db, body.partyOrgCode)))
    throw new AppError('not_found', { what: 'party organisation' });
  if (id && !(await repo.findMember(deps.db, id))) throw new AppError('not_found', { what: 'alliance member' });
  const answers = body.kind === 'platform' && body.answersRequests === true;
  const savedId = await deps.db.transaction(async (tx) => {
    const before = id ? await repo.findMember(tx, id) : null;
    const mid = await repo.saveMember(
      tx,
      id,
      {
        name,
        kind: body.kind,
        platformName,
        platformKey: platformName ? platformKey(platformName) : null,
        departmentCode: before?.departmentCode ?? null,
        partyOrgCode: body.partyOrgCode ?? null,
        joinedOn: body.joinedOn,
        leftOn: body.leftOn ?? null,
        note: body.note?.trim() ?? '',
      },
      deps.clock.now(),
    );
    if (!mid) throw new AppError('beehive_member_taken', { name: platformName ?? name });
    const dept = answers ? await platformDepartmentOf(deps, tx, mid, name) : null;
    await repo.setMemberDepartment(tx, mid, dept);
    await audit(tx, actor, {
      action: 'beehive.member_save',
      entityType: 'alliance_member',
      entityId: mid,
      before: before ?? undefined,
      after: { name, kind: body.kind, platformName, answersRequests: answers, leftOn: body.leftOn ?? null },
    });
    return mid;
  });
  const saved = (await members(deps, actor)).items.find((m) => m.id === savedId);
  return saved!;
}

/** The department through which a platform's local station answers its workers' requests. */
async function platformDepartmentOf(deps: Deps, tx: Queryable, memberId: string, name: string): Promise<string> {
  const code = departmentCode(deps.config.countyCode, `pt-${memberId.replace(/-/g, '').slice(0, 12)}`);
  await ensureDepartment(tx, code, `${name}（本地站点）`, `${name} (local station)`, deps.config.countyCode);
  return code;
}

// ---- routing ----

/** Creates the body's department when the county has none of that code yet (the standard list lacks 工会, 司法, 市场监管). */
export async function helpDepartment(deps: Deps, tx: Queryable, body: Exclude<HelpBody, 'platform'>) {
  const code = departmentCode(deps.config.countyCode, body);
  const label = HELP_BODY_LABELS[body];
  await ensureDepartment(tx, code, label.zh, label.en, deps.config.countyCode);
  return code;
}

export async function routesInForce(q: Queryable) {
  return effectiveRoutes(await repo.routeRows(q));
}

/** Where a worker's request of a kind goes now: body, department and deadline in working days. */
export async function routeRequest(deps: Deps, tx: Queryable, kind: RequestKind, workerPlatform: string) {
  const route = (await routesInForce(tx))[kind];
  const platformDept =
    route.body === 'platform'
      ? await repo.platformDepartment(tx, platformKey(workerPlatform), cstDay(deps.clock.now()))
      : null;
  const to = resolveBody(route, platformDept);
  const department = to.department ?? (await helpDepartment(deps, tx, to.body as Exclude<HelpBody, 'platform'>));
  return { body: to.body, department, workingDays: route.workingDays };
}

export async function routes(deps: Deps, actor: UserActor): Promise<S.Routes> {
  requireReader(deps, actor);
  const inForce = await routesInForce(deps.db);
  return {
    items: (Object.keys(inForce) as RequestKind[]).map((kind) => ({
      kind,
      kindName: REQUEST_KIND_LABELS[kind].zh,
      ...inForce[kind],
    })),
  };
}

export async function setRoute(deps: Deps, actor: UserActor, kind: RequestKind, body: S.RouteBody) {
  requireKeeper(deps, actor);
  await deps.db.transaction(async (tx) => {
    const before = (await routesInForce(tx))[kind];
    await repo.setRoute(
      tx,
      { kind, body: body.body, workingDays: body.workingDays, by: actor.userId },
      deps.clock.now(),
    );
    await audit(tx, actor, {
      action: 'beehive.route_set',
      entityType: 'help_route',
      entityId: kind,
      before: { body: before.body, workingDays: before.workingDays },
      after: body,
    });
  });
  return routes(deps, actor);
}
