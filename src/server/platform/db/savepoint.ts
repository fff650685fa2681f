import type { Queryable } from './db';

/**
 * Runs `fn` inside a savepoint of the caller's transaction: when it throws, what it wrote is rolled
 * back and the error rethrown, and the transaction itself lives on (an expected refusal, such as a
 * unique violation, need not abort it).
 */
export async function inSavepoint<T>(tx: Queryable, name: string, fn: () => Promise<T>): Promise<T> {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`savepoint name ${name}`);
  await tx.query(`SAVEPOINT ${name}`);
  try {
    const result = await fn();
    await tx.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (err) {
    await tx.query(`ROLLBACK TO SAVEPOINT ${name}`);
    throw err;
  }
}
