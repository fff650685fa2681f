/**
 * One grid's people: residents of every household, party members (~7% of adults, more among
 * older men), woodpeckers and embedded cadres (county-wide quotas, sampled systematically in
 * generation order), and member → household links: each member serves 5–15 of the nearest
 * households of the grid, some from their own home (hub household); a few percent of households are
 * deliberately left without a member so that coverage reports have gaps to show.
 */
import type { LinkRecord, PartyMemberRecord, ResidentRecord } from '../records';
import type { GridHomes } from './demo.homes';
import { buildingGroupCode, groupCellCode } from './demo.orgs';
import { ageAt, DEMO_AS_OF, draftHousehold, type IdAllocator, isoDate, phoneFor } from './demo.people';
import type { GridPlan, VillagePlan } from './demo.plan';
import { int, type Random, rngFor, shuffled, uniform } from './demo.random';

/**
 * A county-wide quota spread evenly over households: each household adds `perHousehold` of
 * credit, and an eligible member is taken whenever a whole unit of credit is available, so the
 * total tracks the quota (±1) however many members the sample happens to have.
 */
export class QuotaSampler {
  private credit: number;
  constructor(
    private readonly perHousehold: number,
    start: number,
  ) {
    this.credit = start;
  }
  addHousehold(): void {
    this.credit += this.perHousehold;
  }
  take(): boolean {
    if (this.credit < 1) return false;
    this.credit -= 1;
    return true;
  }
}

export interface PeopleContext {
  seed: number;
  region: string; // 6-digit county code for ID numbers
  ids: IdAllocator;
  woodpeckers: QuotaSampler; // offered members aged 18–70
  embeddedCadres: QuotaSampler; // offered members aged 23–60
}

export interface GridPeople {
  residents: ResidentRecord[];
  members: PartyMemberRecord[];
  links: LinkRecord[];
}

const DAY = 86_400_000;

function memberRate(age: number, gender: 'M' | 'F'): number {
  const base = age < 18 ? 0 : age <= 35 ? 0.05 : age <= 60 ? 0.075 : 0.095;
  return base * 0.89 * (gender === 'M' ? 1.4 : 0.6);
}

function membership(r: Random, birth: number, age: number): Pick<PartyMemberRecord, 'membership' | 'joinedOn'> {
  if (age >= 19 && r() < 0.03)
    return { membership: 'probationary', joinedOn: isoDate(DEMO_AS_OF - int(r, 20, 330) * DAY) };
  const from = birth + 18.5 * 365.25 * DAY;
  const to = Math.min(birth + 50 * 365.25 * DAY, DEMO_AS_OF - 400 * DAY);
  return { membership: 'full', joinedOn: isoDate(Math.round(from + r() * Math.max(0, to - from))) };
}

/** Members needed so that 5–15 links each can reach every household (a grid's branch recruits). */
const HOUSEHOLDS_PER_MEMBER = 11;

interface Adult {
  idNumber: string;
  age: number;
  birth: number;
  household: number;
}

export function gridPeople(
  ctx: PeopleContext,
  village: VillagePlan,
  grid: GridPlan,
  homes: GridHomes,
  withLinks = true,
): GridPeople {
  const residents: ResidentRecord[] = [];
  const members: PartyMemberRecord[] = [];
  const memberHome: number[] = [];
  const others: Adult[] = [];
  const party = rngFor(ctx.seed, grid.code, 'party');
  const enrol = ({ idNumber, age, birth, household }: Adult) => {
    const orgCode = village.urban
      ? buildingGroupCode(grid.code, homes.buildingOf[household])
      : groupCellCode(village.village.code, homes.groupOf[household]);
    members.push({
      idNumber,
      orgCode,
      ...membership(party, birth, age),
      woodpecker: age >= 18 && age <= 70 && ctx.woodpeckers.take(),
      embeddedCadre: age >= 23 && age <= 60 && ctx.embeddedCadres.take(),
    });
    memberHome.push(household);
  };
  homes.households.forEach((household, h) => {
    const r = rngFor(ctx.seed, household.code, 'people');
    ctx.woodpeckers.addHousehold();
    ctx.embeddedCadres.addHousehold();
    draftHousehold(r).forEach((draft, j) => {
      const idNumber = ctx.ids.allocate(draft);
      const age = ageAt(draft.birth);
      const phone = age >= 18 && r() < (age < 80 ? 0.96 : 0.6) ? phoneFor(ctx.seed, grid.firstHousehold + h, j) : null;
      residents.push({
        householdCode: household.code,
        name: draft.surname + draft.givenName,
        idNumber,
        phone,
        relation: draft.relation,
      });
      if (age < 18) return;
      const adult = { idNumber, age, birth: draft.birth, household: h };
      if (party() < memberRate(age, draft.gender)) enrol(adult);
      else if (age <= 70) others.push(adult);
    });
  });
  const needed = Math.ceil(homes.households.length / HOUSEHOLDS_PER_MEMBER) - members.length;
  for (const adult of shuffled(party, others).slice(0, Math.max(0, needed))) enrol(adult);
  const links = withLinks ? linkHouseholds(rngFor(ctx.seed, grid.code, 'links'), homes, members, memberHome) : [];
  return { residents, members, links };
}

function linkHouseholds(r: Random, homes: GridHomes, members: PartyMemberRecord[], memberHome: number[]): LinkRecord[] {
  const n = homes.households.length;
  const uncovered = new Set(shuffled(r, [...Array(n).keys()]).slice(0, Math.floor(uniform(r, 0.02, 0.07) * n + r())));
  const linked = new Uint8Array(n);
  const links: LinkRecord[] = [];
  const point = (i: number) => homes.households[i].point ?? [0, 0];
  const order = shuffled(r, [...members.keys()]);
  let unlinked = n - uncovered.size;
  order.forEach((m, k) => {
    const home = memberHome[m];
    const [x0, y0] = point(home);
    const nearest = [...Array(n).keys()]
      .filter((i) => i !== home && !uncovered.has(i))
      .map((i) => ({ i, d: (point(i)[0] - x0) ** 2 * 0.75 + (point(i)[1] - y0) ** 2 }))
      .sort((a, b) => a.d - b.d || a.i - b.i)
      .map((c) => c.i);
    const want = Math.min(15, Math.max(int(r, 5, 15), Math.ceil(unlinked / (order.length - k))));
    const chosen = [...nearest.filter((i) => !linked[i]), ...nearest.filter((i) => linked[i])].slice(0, want);
    const memberIdNumber = members[m].idNumber;
    const link = (i: number, hub: boolean) => {
      links.push({ memberIdNumber, householdCode: homes.households[i].code, hub });
      if (!linked[i]) unlinked--;
      linked[i] = 1;
    };
    if (!uncovered.has(home) && r() < 0.4) link(home, true);
    for (const i of chosen.sort((a, b) => a - b)) link(i, false);
  });
  return links;
}
