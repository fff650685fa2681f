/** The problem words table (SQL only). */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../platform/db/db';
import type { ProblemWord } from './problem-words.domain';
import type { ProblemWordSeed } from './problem-words.seed';

interface Raw {
  id: string;
  word: string;
  synonyms: string[];
  category_code: string;
  sort_order: number;
  enabled: boolean;
}

const toWord = (r: Raw): ProblemWord => ({
  id: r.id,
  word: r.word,
  synonyms: r.synonyms,
  categoryCode: r.category_code,
  sortOrder: r.sort_order,
  enabled: r.enabled,
});

const COLUMNS = 'id::text, word, synonyms, category_code, sort_order, enabled';

export async function listProblemWordRows(q: Queryable, includeDisabled: boolean): Promise<ProblemWord[]> {
  const { rows } = await q.query<Raw>(
    `SELECT ${COLUMNS} FROM problem_words ${includeDisabled ? '' : 'WHERE enabled'} ORDER BY sort_order, word`,
  );
  return rows.map(toWord);
}

/** Writers take this first: the check that no term repeats reads the whole table. */
export async function lockProblemWords(q: Queryable): Promise<void> {
  await q.query('LOCK TABLE problem_words IN SHARE ROW EXCLUSIVE MODE');
}

export async function findProblemWord(q: Queryable, id: string): Promise<ProblemWord | null> {
  const { rows } = await q.query<Raw>(`SELECT ${COLUMNS} FROM problem_words WHERE id = $1`, [id]);
  return rows[0] ? toWord(rows[0]) : null;
}

export async function insertProblemWord(q: Queryable, w: Omit<ProblemWord, 'id'>): Promise<string> {
  const id = randomUUID();
  await q.query(
    `INSERT INTO problem_words (id, word, synonyms, category_code, sort_order, enabled)
     VALUES ($1, $2, $3::text[], $4, $5, $6)`,
    [id, w.word, w.synonyms, w.categoryCode, w.sortOrder, w.enabled],
  );
  return id;
}

export async function updateProblemWord(q: Queryable, w: ProblemWord): Promise<void> {
  await q.query(
    `UPDATE problem_words SET word = $2, synonyms = $3::text[], category_code = $4, sort_order = $5, enabled = $6,
            updated_at = now()
      WHERE id = $1`,
    [w.id, w.word, w.synonyms, w.categoryCode, w.sortOrder, w.enabled],
  );
}

/** The county's first list, once (an empty table): never brings back what officers changed or disabled. */
export async function seedProblemWords(q: Queryable, seeds: readonly ProblemWordSeed[]): Promise<number> {
  const r = await q.query(
    `INSERT INTO problem_words (id, word, synonyms, category_code, sort_order)
     SELECT gen_random_uuid(), t.word, ARRAY(SELECT jsonb_array_elements_text(t.syn)), t.code, t.ord
       FROM jsonb_to_recordset($1::jsonb) AS t(word text, syn jsonb, code text, ord integer)
       JOIN categories c ON c.code = t.code
      WHERE NOT EXISTS (SELECT 1 FROM problem_words)`,
    [JSON.stringify(seeds.map((s, i) => ({ word: s.word, syn: s.synonyms, code: s.categoryCode, ord: (i + 1) * 10 })))],
  );
  return r.rowCount;
}
