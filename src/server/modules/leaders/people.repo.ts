/** SQL of the 头雁 records' people: the person, posts, training, tiers, goals, 双提升, counts. */
import type { Queryable } from '../../platform/db/db';
import type { KeyValue } from '../../platform/page';
import type { PostTerm } from './leaders.domain';
import type { Education, Team } from './leaders.labels';

export async function division(q: Queryable, code: string) {
  const { rows } = await q.query<{ code: string; name: string; level: number }>(
    `SELECT code, name, level FROM divisions WHERE code = $1`,
    [code],
  );
  return rows[0] ?? null;
}

export async function resident(q: Queryable, id: string) {
  const { rows } = await q.query<{ name: string; gender: 'M' | 'F'; birthDate: string; villageCode: string }>(
    `SELECT name, gender, to_char(birth_date, 'YYYY-MM-DD') AS "birthDate", left(grid_code, 12) AS "villageCode"
       FROM residents WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export interface PersonRow {
  id: string;
  villageCode: string;
  villageName: string;
  residentId: string | null;
  name: string;
  gender: string | null;
  birthDate: string | null;
  education: Education;
  teams: Team[];
  mentor: string | null;
  phoneMasked: string | null;
  idMasked: string | null;
}

const PERSON_SELECT = `SELECT p.id, p.village_code AS "villageCode", d.name AS "villageName", p.resident_id AS "residentId",
    p.name, coalesce(r.gender, p.gender) AS gender, to_char(coalesce(r.birth_date, p.birth_date), 'YYYY-MM-DD') AS "birthDate",
    p.education, p.teams, p.mentor, coalesce(r.phone_masked, p.phone_masked) AS "phoneMasked", r.id_masked AS "idMasked"
  FROM leader_people p JOIN divisions d ON d.code = p.village_code LEFT JOIN residents r ON r.id = p.resident_id`;

export interface NewPerson {
  villageCode: string;
  residentId: string | null;
  name: string;
  gender: string | null;
  birthDate: string | null;
  phoneCipher: string | null;
  phoneMasked: string | null;
  education: Education;
  teams: Team[];
  mentor: string | null;
  at: Date;
  isDemo?: boolean;
}

/** Inserts a person; null when the resident already has a record. */
export async function insertPerson(q: Queryable, p: NewPerson): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO leader_people (village_code, resident_id, name, gender, birth_date, phone_cipher, phone_masked,
       education, teams, mentor, created_at, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text[], $10, $11, $12)
     ON CONFLICT (resident_id) DO NOTHING RETURNING id`,
    [
      p.villageCode,
      p.residentId,
      p.name,
      p.gender,
      p.birthDate,
      p.phoneCipher,
      p.phoneMasked,
      p.education,
      p.teams,
      p.mentor,
      p.at,
      p.isDemo ?? false,
    ],
  );
  return rows[0]?.id ?? null;
}

export async function updatePerson(
  q: Queryable,
  id: string,
  p: { education: Education; teams: Team[]; mentor: string | null },
) {
  await q.query(`UPDATE leader_people SET education = $2, teams = $3::text[], mentor = $4 WHERE id = $1`, [
    id,
    p.education,
    p.teams,
    p.mentor,
  ]);
}

export async function findPerson(q: Queryable, id: string, lock = false): Promise<PersonRow | null> {
  const { rows } = await q.query<PersonRow>(`${PERSON_SELECT} WHERE p.id = $1${lock ? ' FOR UPDATE OF p' : ''}`, [id]);
  return rows[0] ?? null;
}

export interface PersonFilter {
  scopes: string[];
  team?: Team;
  name?: string;
}
export const PERSON_KEY = ['string', 'uuid'] as const;
export const personKey = (p: PersonRow) => [p.villageCode, p.id] as const;

export async function listPeople(q: Queryable, f: PersonFilter, limit: number, after: KeyValue[] | null) {
  const params: unknown[] = [f.scopes.map((s) => `${s}%`), limit];
  const where = ['p.village_code LIKE ANY ($1::text[])'];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (f.team) add('? = ANY (p.teams)', f.team);
  if (f.name) add('strpos(p.name, ?) > 0', f.name);
  if (after) {
    params.push(after[0], after[1]);
    where.push(`(p.village_code, p.id) > ($${params.length - 1}::text, $${params.length}::uuid)`);
  }
  const { rows } = await q.query<PersonRow>(
    `${PERSON_SELECT} WHERE ${where.join(' AND ')} ORDER BY p.village_code, p.id LIMIT $2 + 1`,
    params,
  );
  return rows;
}

/** Every post held in these villages (overlaps are flagged across a village). */
export async function postsIn(q: Queryable, villages: string[]): Promise<PostTerm[]> {
  if (!villages.length) return [];
  const { rows } = await q.query<PostTerm>(
    `SELECT po.id, po.person_id AS "personId", po.body, po.post,
            to_char(po.term_start, 'YYYY-MM-DD') AS "termStart", to_char(po.term_end, 'YYYY-MM-DD') AS "termEnd"
       FROM leader_posts po JOIN leader_people p ON p.id = po.person_id
      WHERE p.village_code = ANY ($1::text[]) ORDER BY po.term_start, po.id`,
    [villages],
  );
  return rows;
}

export async function insertPost(q: Queryable, personId: string, p: Omit<PostTerm, 'id' | 'personId'>) {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO leader_posts (person_id, body, post, term_start, term_end) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [personId, p.body, p.post, p.termStart, p.termEnd],
  );
  return rows[0].id;
}

export async function insertTraining(
  q: Queryable,
  personId: string,
  t: { course: string; hours: number; trainedOn: string },
) {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO leader_trainings (person_id, course, hours, trained_on) VALUES ($1, $2, $3, $4) RETURNING id`,
    [personId, t.course, t.hours, t.trainedOn],
  );
  return rows[0].id;
}

export async function trainingsOf(q: Queryable, personId: string) {
  const { rows } = await q.query<{ id: string; course: string; hours: number; trainedOn: string }>(
    `SELECT id, course, hours, to_char(trained_on, 'YYYY-MM-DD') AS "trainedOn"
       FROM leader_trainings WHERE person_id = $1 ORDER BY trained_on DESC, id`,
    [personId],
  );
  return rows;
}

export async function insertGoal(q: Queryable, personId: string, g: { goal: string; dueOn: string }) {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO leader_goals (person_id, goal, due_on) VALUES ($1, $2, $3) RETURNING id`,
    [personId, g.goal, g.dueOn],
  );
  return rows[0].id;
}

export async function goalsOf(q: Queryable, personId: string) {
  const { rows } = await q.query<{ id: string; goal: string; dueOn: string; progress: number }>(
    `SELECT id, goal, to_char(due_on, 'YYYY-MM-DD') AS "dueOn", progress FROM leader_goals WHERE person_id = $1 ORDER BY due_on, id`,
    [personId],
  );
  return rows;
}

export async function goalPerson(q: Queryable, goalId: string) {
  const { rows } = await q.query<{ personId: string }>(
    `SELECT person_id AS "personId" FROM leader_goals WHERE id = $1`,
    [goalId],
  );
  return rows[0]?.personId ?? null;
}

export async function setGoalProgress(q: Queryable, goalId: string, progress: number) {
  await q.query(`UPDATE leader_goals SET progress = $2 WHERE id = $1`, [goalId, progress]);
}

export async function upsertUpgrade(
  q: Queryable,
  personId: string,
  u: { kind: string; target: string; progress: number },
) {
  await q.query(
    `INSERT INTO leader_upgrades (person_id, kind, target, progress) VALUES ($1, $2, $3, $4)
     ON CONFLICT (person_id, kind) DO UPDATE SET target = $3, progress = $4`,
    [personId, u.kind, u.target, u.progress],
  );
}

export async function upgradesOf(q: Queryable, personId: string) {
  const { rows } = await q.query<{ kind: 'education' | 'ability'; target: string; progress: number }>(
    `SELECT kind, target, progress FROM leader_upgrades WHERE person_id = $1 ORDER BY kind`,
    [personId],
  );
  return rows;
}

/** Counts of the six teams grouped by the first `groupLength` digits of the village code. */
export async function teamCounts(q: Queryable, scope: string, groupLength: number) {
  const { rows } = await q.query<{ code: string; name: string; team: Team; n: number }>(
    `SELECT g.code, d.name, g.team, g.n FROM (
       SELECT left(p.village_code, $2) AS code, t.team, count(*)::int AS n
         FROM leader_people p CROSS JOIN LATERAL unnest(p.teams) AS t (team)
        WHERE p.village_code LIKE $1 GROUP BY 1, 2) g
     JOIN divisions d ON d.code = g.code ORDER BY g.code, g.team`,
    [`${scope}%`, groupLength],
  );
  return rows;
}

/** 双提升: people and summed progress per group and kind. */
export async function upgradeSums(q: Queryable, scope: string, groupLength: number) {
  const { rows } = await q.query<{
    code: string;
    name: string;
    kind: 'education' | 'ability';
    people: number;
    sum: number;
  }>(
    `SELECT g.code, d.name, g.kind, g.people, g.sum FROM (
       SELECT left(p.village_code, $2) AS code, u.kind, count(*)::int AS people, sum(u.progress)::int AS sum
         FROM leader_upgrades u JOIN leader_people p ON p.id = u.person_id
        WHERE p.village_code LIKE $1 GROUP BY 1, 2) g
     JOIN divisions d ON d.code = g.code ORDER BY g.code, g.kind`,
    [`${scope}%`, groupLength],
  );
  return rows;
}
