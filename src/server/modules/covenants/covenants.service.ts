/**
 * 村规民约 / 居民公约: a covenant per village or community, versions drafted by articles and adopted
 * only by citing a 四议两公开 matter of the place that passed its resolution step; adopting puts the
 * version in force, supersedes the one before (dates kept) and publishes it on the 村务公开 board, all
 * in one transaction. Staff of the place keep it; residents of the place read what is in force.
 */
import type { Actor, UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import { cstDate } from '../../platform/calendar/working-time';
import type { Queryable } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { AppError, unwrap } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, pageOf } from '../../platform/page';
import { afterKey } from '../../platform/page-keys';
import { matterResolution, placesOfUser, publishDisclosureIn } from '../deliberation';
import { findDivision } from '../divisions';
import { type Article, checkNumbering, diffArticles } from './covenants.domain';
import { CHANGE_KIND_LABELS, VERSION_STATE_LABELS } from './covenants.labels';
import { canReadAt, listScopes, managesAt, readableScopes } from './covenants.policy';
import * as repo from './covenants.repo';
import type { AdoptInput, ArticlesInput, CovenantView, NewCovenantInput, VersionView } from './covenants.schema';

const user = (actor: Actor): UserActor => {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  return actor;
};

/** Staff of the place read everything; residents of the place read versions that were adopted. */
async function readsVersion(q: Queryable, actor: UserActor, divisionCode: string, v: repo.VersionRow) {
  if (canReadAt(actor, divisionCode)) return true;
  return v.state !== 'draft' && (await placesOfUser(q, actor.userId)).includes(divisionCode);
}

async function loadCovenant(q: Queryable, actor: UserActor, id: string, lock = false) {
  const c = await repo.covenantById(q, id, lock);
  if (!c || !canReadAt(actor, c.divisionCode)) throw new AppError('not_found');
  return c;
}

async function loadVersion(q: Queryable, actor: UserActor, id: string, lock = false) {
  const v = await repo.versionById(q, id, lock);
  const c = v ? await repo.covenantById(q, v.covenantId) : null;
  if (!v || !c || !(await readsVersion(q, actor, c.divisionCode, v))) throw new AppError('not_found');
  return { v, c };
}

async function versionView(q: Queryable, actor: Actor, v: repo.VersionRow, c: repo.CovenantRow): Promise<VersionView> {
  const mine = managesAt(actor, c.divisionCode) && v.state === 'draft';
  return {
    ...v,
    divisionCode: c.divisionCode,
    divisionName: c.divisionName,
    title: c.title,
    articles: await repo.articlesOf(q, v.id),
    actions: mine ? ['edit', 'adopt'] : [],
  };
}

async function covenantView(q: Queryable, actor: Actor, c: repo.CovenantRow): Promise<CovenantView> {
  const versions = await repo.versionsOf(q, c.id);
  const canDraft = managesAt(actor, c.divisionCode) && !versions.some((v) => v.state === 'draft');
  return { ...c, versions, actions: canDraft ? ['draft'] : [] };
}

export async function createCovenant(
  deps: Deps,
  actor: Actor,
  input: NewCovenantInput,
  opts: { isDemo?: boolean } = {},
): Promise<CovenantView> {
  const u = user(actor);
  if (!managesAt(u, input.divisionCode)) throw new AppError('forbidden');
  if ((await findDivision(deps.db, input.divisionCode))?.level !== 5)
    throw new AppError('unknown_division', { code: input.divisionCode });
  return deps.db.transaction(async (tx) => {
    const id = await repo.insertCovenant(tx, { ...input, by: u.userId, at: deps.clock.now(), isDemo: opts.isDemo });
    if (!id) throw new AppError('covenants_exists');
    await audit(tx, u, {
      action: 'covenants.create',
      entityType: 'covenant',
      entityId: id,
      scopeCode: input.divisionCode,
      after: input,
    });
    return covenantView(tx, u, (await repo.covenantById(tx, id))!);
  });
}

export async function listCovenants(
  deps: Deps,
  actor: Actor,
  query: { scope?: string; cursor?: string; limit?: number },
) {
  const u = user(actor);
  if (!readableScopes(u).length) throw new AppError('forbidden');
  const scopes = listScopes(u, query.scope);
  const after = afterKey(query.cursor, ['string']);
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
  const rows = scopes.length ? await repo.covenantsIn(deps.db, scopes, limit + 1, (after?.[0] as string) ?? null) : [];
  return pageOf(rows, limit, (c) => [c.divisionCode]);
}

export async function getCovenant(deps: Deps, actor: Actor, id: string): Promise<CovenantView> {
  const u = user(actor);
  return covenantView(deps.db, u, await loadCovenant(deps.db, u, id));
}

export async function draftVersion(
  deps: Deps,
  actor: Actor,
  covenantId: string,
  input: { label: string },
  opts: { isDemo?: boolean } = {},
): Promise<VersionView> {
  const u = user(actor);
  return deps.db.transaction(async (tx) => {
    const c = await loadCovenant(tx, u, covenantId, true);
    if (!managesAt(u, c.divisionCode)) throw new AppError('forbidden');
    const versions = await repo.versionsOf(tx, c.id);
    const draft = versions.find((v) => v.state === 'draft');
    if (draft) throw new AppError('covenants_draft_exists', { label: draft.label });
    const id = await repo.insertVersion(tx, {
      covenantId: c.id,
      label: input.label,
      by: u.userId,
      at: deps.clock.now(),
      isDemo: opts.isDemo,
    });
    const inForce = versions.find((v) => v.state === 'in_force');
    if (inForce) await repo.copyArticles(tx, inForce.id, id);
    await audit(tx, u, {
      action: 'covenants.draft',
      entityType: 'covenant_version',
      entityId: id,
      scopeCode: c.divisionCode,
      after: { label: input.label, from: inForce?.id ?? null },
    });
    return versionView(tx, u, (await repo.versionById(tx, id))!, c);
  });
}

export async function getVersion(deps: Deps, actor: Actor, id: string): Promise<VersionView> {
  const u = user(actor);
  const { v, c } = await loadVersion(deps.db, u, id);
  return versionView(deps.db, u, v, c);
}

/** A draft's articles, replaced whole (the editor sends them all). */
export async function saveArticles(
  deps: Deps,
  actor: Actor,
  versionId: string,
  input: ArticlesInput,
): Promise<VersionView> {
  const u = user(actor);
  const articles: Article[] = unwrap(
    checkNumbering(
      input.articles.map((a) => ({
        number: a.number,
        chapter: (a.chapter ?? '').trim(),
        body: a.body.trim(),
        maxTables: a.maxTables ?? null,
        maxDays: a.maxDays ?? null,
      })),
    ),
  );
  return deps.db.transaction(async (tx) => {
    const { v, c } = await loadVersion(tx, u, versionId, true);
    if (!managesAt(u, c.divisionCode)) throw new AppError('forbidden');
    if (v.state !== 'draft') throw notDraft(v);
    const before = await repo.articlesOf(tx, v.id);
    await repo.replaceArticles(tx, v.id, articles);
    await audit(tx, u, {
      action: 'covenants.edit',
      entityType: 'covenant_version',
      entityId: v.id,
      scopeCode: c.divisionCode,
      after: { changes: diffArticles(before, articles).map((d) => `${d.kind}:${d.from ?? ''}→${d.to ?? ''}`) },
    });
    return versionView(tx, u, (await repo.versionById(tx, v.id))!, c);
  });
}

const notDraft = (v: repo.VersionRow) =>
  new AppError('covenants_version_not_draft', { state: v.state, stateZh: VERSION_STATE_LABELS[v.state].zh });

/**
 * Adopts a draft: the cited matter must be of the same place and have passed its resolution step
 * (村民会议 or 村民代表会议 决议); the date lies between that resolution and today (default today).
 */
export async function adopt(
  deps: Deps,
  actor: Actor,
  versionId: string,
  input: AdoptInput,
  opts: { isDemo?: boolean } = {},
): Promise<VersionView> {
  const u = user(actor);
  const today = cstDate(deps.clock.now());
  return deps.db.transaction(async (tx) => {
    const { v, c } = await loadVersion(tx, u, versionId, true);
    await repo.covenantById(tx, c.id, true); // one adoption at a time per covenant
    if (!managesAt(u, c.divisionCode)) throw new AppError('forbidden');
    if (v.state !== 'draft') throw notDraft(v);
    const articles = await repo.articlesOf(tx, v.id);
    if (!articles.length) throw new AppError('covenants_no_articles');
    const matter = await matterResolution(tx, input.matterId);
    if (!matter) throw new AppError('covenants_matter_not_found');
    if (matter.divisionCode !== c.divisionCode) throw new AppError('covenants_matter_other_place');
    if (!matter.resolvedAt)
      throw new AppError('covenants_matter_not_resolved', { state: matter.state, stateZh: matter.stateZh });
    const previous = (await repo.versionsOf(tx, c.id)).find((x) => x.state === 'in_force');
    const on = input.adoptedOn ?? today;
    const resolvedOn = cstDate(matter.resolvedAt);
    const earliest = previous?.adoptedOn && previous.adoptedOn > resolvedOn ? previous.adoptedOn : resolvedOn;
    if (on < earliest || on > today) throw new AppError('covenants_adoption_date', { date: on, earliest });
    const before = previous ? await repo.articlesOf(tx, previous.id) : [];
    await repo.supersede(tx, c.id, on);
    const note = (input.note ?? '').trim();
    await repo.putInForce(tx, v.id, { matterId: matter.matterId, note, on, by: u.userId });
    const changes = diffArticles(before, articles);
    const d = await publishDisclosureIn(
      tx,
      u,
      {
        divisionCode: c.divisionCode,
        category: 'major',
        title: `公布${c.title}（${v.label}）`,
        body: [
          `${c.title}（${v.label}）经「${matter.title}」决议通过，自 ${on} 起施行，共 ${articles.length} 条。`,
          previous ? `原${previous.label}同时废止。本次变动：` : '',
          ...changes.map((x) => `　${CHANGE_KIND_LABELS[x.kind].zh}：${x.to ? `第 ${x.to} 条` : `原第 ${x.from} 条`}`),
          note,
          '全文见“我的村规民约”。',
        ]
          .filter(Boolean)
          .join('\n'),
        publishedAt: deps.clock.now(),
      },
      opts.isDemo,
    );
    await audit(tx, u, {
      action: 'covenants.adopt',
      entityType: 'covenant_version',
      entityId: v.id,
      scopeCode: c.divisionCode,
      before: { inForce: previous?.id ?? null },
      after: { matterId: matter.matterId, adoptedOn: on, disclosureId: d.id, changes: changes.length },
    });
    return versionView(tx, u, (await repo.versionById(tx, v.id))!, c);
  });
}

/** The article-level diff between two versions of the same covenant. */
export async function diff(deps: Deps, actor: Actor, fromId: string, toId: string) {
  const u = user(actor);
  const a = await loadVersion(deps.db, u, fromId);
  const b = await loadVersion(deps.db, u, toId);
  if (a.c.id !== b.c.id) throw new AppError('validation_failed', { summary: 'from and to: versions of one covenant' });
  const [older, newer] = await Promise.all([repo.articlesOf(deps.db, a.v.id), repo.articlesOf(deps.db, b.v.id)]);
  return { from: a.v, to: b.v, changes: diffArticles(older, newer) };
}

/** A stable article reference (version id + number) resolved to its text: what a case, rule or event cites. */
export async function articleRef(deps: Deps, actor: Actor, versionId: string, number: number) {
  const u = user(actor);
  const v = await repo.versionById(deps.db, versionId);
  const c = v ? await repo.covenantById(deps.db, v.covenantId) : null;
  const article =
    v && c && (await readsVersion(deps.db, u, c.divisionCode, v)) ? await repo.articleAt(deps.db, v.id, number) : null;
  if (!v || !c || !article) throw new AppError('covenants_article_unknown', { versionId, number });
  return {
    versionId: v.id,
    number,
    divisionCode: c.divisionCode,
    divisionName: c.divisionName,
    title: c.title,
    versionLabel: v.label,
    versionState: v.state,
    article,
  };
}

/** The covenant in force of the resident's own village or community (我的村规民约). */
export async function myCovenant(deps: Deps, actor: Actor) {
  const u = user(actor);
  for (const place of await placesOfUser(deps.db, u.userId)) {
    const v = await repo.versionInForce(deps.db, place);
    const c = v ? await repo.covenantById(deps.db, v.covenantId) : null;
    if (v && c)
      return {
        divisionName: c.divisionName,
        title: c.title,
        kind: c.kind,
        version: { id: v.id, label: v.label, adoptedOn: v.adoptedOn ?? '' },
        articles: await repo.articlesOf(deps.db, v.id),
      };
  }
  return { divisionName: null, title: null, kind: null, version: null, articles: [] };
}
