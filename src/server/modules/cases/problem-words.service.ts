/**
 * Problem words (issue #11): residents read the enabled ones; county officers (who manage the
 * categories) add and edit them, audited. A term (word or synonym) belongs to one entry only,
 * checked under the table's lock in the writing transaction.
 */
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import type { Queryable } from '../../platform/db/db';
import { AppError } from '../../platform/errors';
import { canManageCategories } from './capabilities.policy';
import { cachedCategory } from './categories.service';
import type { ExtraField } from './taxonomy';
import { cleanEntry, findTermClash, type ProblemWord } from './problem-words.domain';
import {
  findProblemWord,
  insertProblemWord,
  listProblemWordRows,
  lockProblemWords,
  updateProblemWord,
} from './problem-words.repo';

export type NewProblemWord = Pick<ProblemWord, 'word' | 'categoryCode'> &
  Partial<Pick<ProblemWord, 'synonyms' | 'sortOrder' | 'enabled'>>;
export type ProblemWordPatch = Partial<Omit<ProblemWord, 'id'>>;

export type ProblemWordListed = ProblemWord & { extraFields: ExtraField[] };

/** With its category's extra fields (the report form asks them). */
async function withExtra(deps: Deps, w: ProblemWord): Promise<ProblemWordListed> {
  return { ...w, extraFields: (await cachedCategory(deps.db, w.categoryCode))?.extraFields ?? [] };
}

/** Enabled entries for everyone; disabled ones too for those who edit them. */
export async function listProblemWords(
  deps: Deps,
  actor: Actor,
  includeDisabled = false,
): Promise<ProblemWordListed[]> {
  const rows = await listProblemWordRows(deps.db, includeDisabled && canManageCategories(actor));
  return Promise.all(rows.map((w) => withExtra(deps, w)));
}

function assertAdmin(actor: Actor) {
  if (!canManageCategories(actor)) throw new AppError('forbidden');
}

/** The entry maps to a category in use (a leaf: residents' cases are filed under it). */
async function assertCategory(deps: Deps, code: string): Promise<void> {
  const c = await cachedCategory(deps.db, code);
  if (!c || !c.active || c.kind === 'major') throw new AppError('unknown_category', { code });
}

async function assertTermsFree(tx: Queryable, entry: Omit<ProblemWord, 'id'> & { id?: string }): Promise<void> {
  await lockProblemWords(tx);
  const others = (await listProblemWordRows(tx, true)).filter((o) => o.id !== entry.id);
  const clash = findTermClash(entry, others);
  if (clash) throw new AppError('problem_word_term_taken', { term: clash.term, word: clash.word });
}

export async function createProblemWord(deps: Deps, actor: Actor, input: NewProblemWord): Promise<ProblemWordListed> {
  assertAdmin(actor);
  const entry = cleanEntry({ synonyms: [], sortOrder: 0, enabled: true, ...input });
  await assertCategory(deps, entry.categoryCode);
  const created = await deps.db.transaction(async (tx) => {
    await assertTermsFree(tx, entry);
    const id = await insertProblemWord(tx, entry);
    const created = { id, ...entry };
    await audit(tx, actor, {
      action: 'problem_words.create',
      entityType: 'problem_word',
      entityId: id,
      after: created,
    });
    return created;
  });
  return withExtra(deps, created);
}

export async function editProblemWord(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: ProblemWordPatch,
): Promise<ProblemWordListed> {
  assertAdmin(actor);
  if (patch.categoryCode !== undefined) await assertCategory(deps, patch.categoryCode);
  const edited = await deps.db.transaction(async (tx) => {
    const before = await findProblemWord(tx, id);
    if (!before) throw new AppError('unknown_problem_word', { id });
    const after = cleanEntry({ ...before, ...patch, id });
    await assertTermsFree(tx, after);
    await updateProblemWord(tx, after);
    await audit(tx, actor, { action: 'problem_words.edit', entityType: 'problem_word', entityId: id, before, after });
    return after;
  });
  return withExtra(deps, edited);
}
