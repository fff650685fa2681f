/**
 * 公民身份号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence (odd =
 * male, even = female), ISO 7064 MOD 11-2 check character (0-9 or X).
 */
import { fail, ok, type Result } from '../../platform/errors';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

export type IdProblem = 'format' | 'birth_date' | 'checksum';

/** A number that is not a valid ID number: the one failure value, naming what is wrong in its details. */
const invalid = (problem: IdProblem): Result<never, 'validation_failed'> =>
  fail('validation_failed', { field: 'idNumber', problem, summary: `idNumber: ${problem}` });

/** What is wrong with a number `parseIdNumber` refused. */
export const idProblemOf = (r: Result<IdFacts>): IdProblem | null =>
  r.ok ? null : ((r.details?.problem as IdProblem | undefined) ?? 'format');

export interface IdFacts {
  idNumber: string;
  birthDate: string; // YYYY-MM-DD
  gender: 'M' | 'F';
  regionCode: string;
}

export function parseIdNumber(input: string, today = new Date()): Result<IdFacts, 'validation_failed'> {
  const id = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return invalid('format');
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (
    y < 1900 ||
    date.getUTCFullYear() !== y ||
    date.getUTCMonth() !== m - 1 ||
    date.getUTCDate() !== d ||
    date > today
  ) {
    return invalid('birth_date');
  }
  if (checkCharacter(id.slice(0, 17)) !== id[17]) return invalid('checksum');
  return ok({
    idNumber: id,
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id[16]) % 2 === 1 ? 'M' : 'F',
    regionCode: id.slice(0, 6),
  });
}

/** Builds a valid number (demo data and tests): region, birth date YYYYMMDD, 3-digit sequence. */
export function makeIdNumber(region: string, birth: string, sequence: number): string {
  const first17 = `${region}${birth}${String(sequence).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}
