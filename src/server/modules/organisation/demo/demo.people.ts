/**
 * Households' members: sizes 1–6 (mean ~2.8), relations with consistent ages and genders,
 * names, valid GB 11643 ID numbers (unique: one counter per birth date and gender, so the
 * county's residents must be generated in one fixed order), and unique virtual-range mobiles.
 */
import { makeIdNumber } from '../id-number';
import type { Relation } from '../records';
import { givenName, surname } from './demo.names';
import { hashSeed, int, type Random, weighted } from './demo.random';

/** The demo's "today": ages, birth dates and joining dates are relative to it (fixed for determinism). */
export const DEMO_AS_OF = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;
const YEAR = 365.2425 * DAY;

export interface PersonDraft {
  relation: Relation;
  gender: 'M' | 'F';
  birth: number; // UTC ms
  surname: string;
  givenName: string;
}

const SIZES = [
  [1, 16],
  [2, 31],
  [3, 24],
  [4, 17],
  [5, 8],
  [6, 4],
] as const; // mean 2.82

export const ageAt = (birth: number, at = DEMO_AS_OF) => Math.floor((at - birth) / YEAR);
const birthFor = (r: Random, age: number) => DEMO_AS_OF - Math.round((age + r()) * YEAR) - DAY;
const opposite = (g: 'M' | 'F'): 'M' | 'F' => (g === 'M' ? 'F' : 'M');

function person(r: Random, relation: Relation, gender: 'M' | 'F', age: number, family: string): PersonDraft {
  const birth = birthFor(r, Math.max(0, Math.min(100, age)));
  return {
    relation,
    gender,
    birth,
    surname: family,
    givenName: givenName(r, gender, new Date(birth).getUTCFullYear()),
  };
}

/** One household's members, householder first. */
export function draftHousehold(r: Random): PersonDraft[] {
  const size = weighted(r, SIZES);
  const hhAge = 24 + Math.floor(61 * ((r() + r() + r()) / 3));
  const hhGender: 'M' | 'F' = r() < 0.76 ? 'M' : 'F';
  const hh = person(r, 'householder', hhGender, hhAge, surname(r));
  const members: PersonDraft[] = [hh];
  let family = hh.surname; // children take the father's surname
  if (size >= 2 && r() < 0.85) {
    const spouse = person(
      r,
      'spouse',
      opposite(hhGender),
      hhAge + Math.round((hhGender === 'M' ? -2 : 2) + (r() - 0.5) * 6),
      surname(r),
    );
    if (spouse.gender === 'M') family = spouse.surname;
    members.push(spouse);
  }
  let parents = 0;
  while (members.length < size) {
    const relation = weighted<Relation>(
      r,
      hhAge <= 50
        ? [
            ['child', 75],
            ['parent', parents < 2 ? 20 : 0],
            ['sibling', 4],
            ['other', 1],
          ]
        : [
            ['child', 50],
            ['grandchild', 38],
            ['parent', hhAge <= 65 && parents < 2 ? 9 : 0],
            ['other', 3],
          ],
    );
    const gender: 'M' | 'F' = r() < 0.52 ? 'M' : 'F';
    if (relation === 'child' && hhAge >= 20)
      members.push(person(r, 'child', gender, hhAge - int(r, 20, Math.min(38, hhAge)), family));
    else if (relation === 'grandchild' && hhAge >= 42)
      members.push(person(r, 'grandchild', gender, hhAge - int(r, 42, Math.min(62, hhAge)), family));
    else if (relation === 'parent' && hhAge + 20 <= 98) {
      const g: 'M' | 'F' = parents++ === 0 ? 'M' : 'F';
      members.push(
        person(r, 'parent', g, hhAge + int(r, 20, Math.min(34, 98 - hhAge)), g === 'M' ? hh.surname : surname(r)),
      );
    } else
      members.push(
        person(
          r,
          relation === 'other' ? 'other' : 'sibling',
          gender,
          hhAge + int(r, -8, 8),
          relation === 'other' ? surname(r) : hh.surname,
        ),
      );
  }
  return members;
}

const yyyymmdd = (t: number) => new Date(t).toISOString().slice(0, 10).replace(/-/g, '');
export const isoDate = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * Sequence codes per (birth date, gender): odd for men, even for women, 499 of each per day,
 * starting at a date-dependent offset so numbers do not all end in 001. A full day moves the
 * person one day earlier. Memory: one counter per used date (~70k at full scale).
 */
export class IdAllocator {
  private readonly used = new Map<string, number>();

  constructor(
    private readonly region: string,
    private readonly seed: number,
  ) {}

  allocate(draft: PersonDraft): string {
    for (let birth = draft.birth; ; birth -= DAY) {
      const date = yyyymmdd(birth);
      const key = date + draft.gender;
      const count = this.used.get(key) ?? 0;
      if (count >= 499) continue;
      this.used.set(key, count + 1);
      draft.birth = birth;
      const slot = ((hashSeed(this.seed, key) % 499) + count) % 499; // 0..498
      return makeIdNumber(this.region, date, draft.gender === 'M' ? 2 * slot + 1 : 2 * slot + 2);
    }
  }
}

const PHONE_SPACE = 200_000_000; // 170xxxxxxxx and 171xxxxxxxx: virtual operators' ranges
const PHONE_STEP = 19_260_817; // odd and not a multiple of 5: a bijection modulo 2·10^8

/** A unique mobile per (household index in the county, member index < 8), scrambled. */
export function phoneFor(seed: number, householdIndex: number, memberIndex: number): string {
  const n = householdIndex * 8 + memberIndex;
  const m = (((n * PHONE_STEP) % PHONE_SPACE) + (hashSeed(seed, 'phones') % PHONE_SPACE)) % PHONE_SPACE; // n·step < 2^53
  return `${m < 100_000_000 ? '170' : '171'}${String(m % 100_000_000).padStart(8, '0')}`;
}
