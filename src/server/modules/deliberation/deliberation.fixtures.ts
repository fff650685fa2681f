/**
 * Test fixtures: a small register (grid, households, residents, party members, body members, a
 * compound with floor areas) in a village of the test divisions, written straight to the database.
 */
import { randomBytes } from 'node:crypto';
import { type TestActor, type TestContext, call } from '../../../../test/harness';
import { type Body, addBodyMembers } from './registers.repo';

export interface Person {
  id: string;
  householdCode: string;
  phone: string | null;
}

let gridSeq = 100;

/**
 * Households with adults (18+) and minors in a new grid of the village; in a compound (villager group
 * or residential compound) when asked, with floor areas. Phones for the first people when given.
 */
export async function populate(
  ctx: TestContext,
  village: string,
  spec: {
    households: number;
    adultsPer: number;
    minorsPer?: number;
    compound?: 'villager_group' | 'compound';
    areaDm2?: (i: number) => number | null;
    phones?: string[];
  },
): Promise<{ people: Person[]; compoundCode: string | null; households: string[] }> {
  const grid = `${village}${++gridSeq}`;
  const db = ctx.db.owner;
  await db.query(
    `INSERT INTO divisions (code, name, kind, level, parent_code, source) VALUES ($1, $2, 'grid', 6, $3, 'cocreate') ON CONFLICT DO NOTHING`,
    [grid, `测试网格${gridSeq}`, village],
  );
  let compoundCode: string | null = null;
  let building: string | null = null;
  if (spec.compound) {
    compoundCode = `${village}C${gridSeq}`;
    building = `${grid}001`;
    await db.query(`INSERT INTO compounds (code, village_code, name, kind) VALUES ($1, $2, $3, $4)`, [
      compoundCode,
      village,
      `测试${gridSeq}`,
      spec.compound,
    ]);
    await db.query(`INSERT INTO buildings (code, grid_code, name, compound_code) VALUES ($1, $2, '1栋', $3)`, [
      building,
      grid,
      compoundCode,
    ]);
  }
  const people: Person[] = [];
  const households: string[] = [];
  const phones = [...(spec.phones ?? [])];
  for (let h = 0; h < spec.households; h++) {
    const code = `${building ?? `${grid}000`}${String(h + 1).padStart(4, '0')}`;
    households.push(code);
    const area = spec.areaDm2?.(h) ?? null;
    await db.query(
      `INSERT INTO households (code, grid_code, building_code, address, floor_area_dm2) VALUES ($1, $2, $3, $4, $5)`,
      [code, grid, building, `测试地址${h + 1}`, area],
    );
    const members = [
      ...Array.from({ length: spec.adultsPer }, (_, i) => ({ birth: '1980-05-01', head: i === 0 })),
      ...Array.from({ length: spec.minorsPer ?? 0 }, () => ({ birth: '2015-05-01', head: false })),
    ];
    for (const [i, m] of members.entries()) {
      const phone = m.birth < '2000' ? (phones.shift() ?? null) : null;
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO residents (household_code, name, id_cipher, id_index, id_masked, phone_index, phone_masked, gender, birth_date, relation)
         VALUES ($1, $2, 'x', $3, '4210**********0000', $4, $5, $6, $7, $8) RETURNING id`,
        [
          code,
          `村民${gridSeq}-${h + 1}-${i + 1}`,
          randomBytes(12).toString('hex'),
          phone ? ctx.deps.crypto.blindIndex('phone', phone) : null,
          phone ? `${phone.slice(0, 3)}****${phone.slice(7)}` : null,
          i % 2 === 0 ? 'M' : 'F',
          m.birth,
          m.head ? '户主' : '家庭成员',
        ],
      );
      if (m.birth < '2000') people.push({ id: rows[0].id, householdCode: code, phone });
    }
  }
  return { people, compoundCode, households };
}

/** Party members of the village's party organisation (full unless said). */
export async function partyMembers(
  ctx: TestContext,
  village: string,
  people: readonly Person[],
  membership: 'full' | 'probationary' = 'full',
): Promise<void> {
  const org = `${village}-09`;
  await ctx.db.owner.query(
    `INSERT INTO party_orgs (code, name, kind, division_code) VALUES ($1, '测试党支部', 'branch', $2) ON CONFLICT DO NOTHING`,
    [org, village],
  );
  for (const p of people)
    await ctx.db.owner.query(
      `INSERT INTO party_members (resident_id, org_code, membership, joined_on) VALUES ($1, $2, $3, '2010-07-01')`,
      [p.id, org, membership],
    );
}

export async function bodyMembers(ctx: TestContext, village: string, body: Body, people: readonly Person[]) {
  await addBodyMembers(
    ctx.db.owner,
    village,
    body,
    people.map((p) => p.id),
  );
}

/** Through the API: notices, opens a meeting, signs these people in, puts a motion and records its tally (paper: confirmed by `second`). */
export async function runVote(
  ctx: TestContext,
  staff: { officer: TestActor; second: TestActor },
  meetingType: string,
  present: readonly Person[],
  tally: { yes: number; no: number; abstain: number },
  method: 'hands' | 'paper' = 'hands',
): Promise<{ meetingId: string; motionId: string }> {
  const now = ctx.clock.now().getTime();
  const created = await call(ctx, staff.officer, 'POST', '/api/meetings', {
    meetingType,
    bodyCode: '421081107212',
    title: `${meetingType} 会议`,
    agenda: '议程',
    startsAt: new Date(now + 3_600_000).toISOString(),
    noticedAt: new Date(now - 20 * 86_400_000).toISOString(),
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  const meetingId = created.json().id as string;
  await call(ctx, staff.officer, 'POST', `/api/meetings/${meetingId}/open`);
  for (const p of present)
    await call(ctx, staff.officer, 'POST', `/api/meetings/${meetingId}/attendance`, { residentId: p.id });
  const motionId = (
    await call(ctx, staff.officer, 'POST', `/api/meetings/${meetingId}/motions`, { title: '表决', method })
  ).json().id as string;
  const entered = await call(ctx, staff.officer, 'POST', `/api/motions/${motionId}/tally`, tally);
  if (entered.statusCode !== 200) throw new Error(entered.body);
  if (method === 'paper') await call(ctx, staff.second, 'POST', `/api/motions/${motionId}/confirm`, tally);
  return { meetingId, motionId };
}
