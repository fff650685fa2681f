import type { Database } from '../../platform/db/db';
import { AppError } from '../../platform/errors';
import { type Division, isDivisionCode } from './divisions.domain';
import { findDivision, listChildren } from './divisions.repo';

/** Public, read-only: the division tree is published national data. */
export async function getDivision(db: Database, code: string): Promise<Division> {
  if (!isDivisionCode(code)) throw new AppError('validation_failed', { field: 'code', summary: `code: ${code}` });
  const d = await findDivision(db, code);
  if (!d) throw new AppError('not_found', { what: `division ${code}` });
  return d;
}

export async function getChildren(db: Database, code: string): Promise<Division[]> {
  await getDivision(db, code);
  return listChildren(db, code);
}
