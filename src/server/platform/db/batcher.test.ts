import { describe, expect, it } from 'vitest';
import { createBatcher, type Settled } from './batcher';

/** A flush whose completion the test controls; records the batches it was given. */
function controlled<I>() {
  const batches: I[][] = [];
  const pending: (() => void)[] = [];
  const flush = (items: I[]) => {
    batches.push(items);
    return new Promise<Settled<string>[]>((resolve) =>
      pending.push(() => resolve(items.map((i) => ({ ok: true as const, value: `done ${String(i)}` })))),
    );
  };
  const finishNext = async () => {
    pending.shift()!();
    await new Promise((r) => setImmediate(r));
  };
  return { batches, flush, finishNext, running: () => pending.length };
}

describe('batcher (group commit)', () => {
  it('flushes a lone item at once and gathers what arrives while a flush runs', async () => {
    const c = controlled<number>();
    const b = createBatcher(c.flush, { maxBatch: 10, maxInFlight: 1 });
    const first = b.submit(1);
    expect(c.batches).toEqual([[1]]); // no timer: the idle batcher flushes immediately
    const rest = [2, 3, 4].map((i) => b.submit(i));
    expect(c.batches).toHaveLength(1); // waiting behind the running flush
    await c.finishNext();
    await expect(first).resolves.toBe('done 1');
    expect(c.batches).toEqual([[1], [2, 3, 4]]);
    await c.finishNext();
    await expect(Promise.all(rest)).resolves.toEqual(['done 2', 'done 3', 'done 4']);
    expect(b.stats).toMatchObject({ inFlight: 0, waiting: 0, flushes: 2, items: 4 });
  });

  it('keeps batches within maxBatch and flushes within maxInFlight', async () => {
    const c = controlled<number>();
    const b = createBatcher(c.flush, { maxBatch: 2, maxInFlight: 2 });
    const all = [1, 2, 3, 4, 5, 6].map((i) => b.submit(i));
    expect(c.batches).toEqual([[1], [2]]);
    expect(c.running()).toBe(2);
    await c.finishNext();
    expect(c.batches).toEqual([[1], [2], [3, 4]]);
    while (c.running()) await c.finishNext();
    expect(c.batches).toEqual([[1], [2], [3, 4], [5, 6]]);
    await expect(Promise.all(all)).resolves.toHaveLength(6);
  });

  it('opens a second flush only for a backlog of moreInFlightFrom items', async () => {
    const c = controlled<number>();
    const b = createBatcher(c.flush, { maxBatch: 100, maxInFlight: 2, moreInFlightFrom: 3 });
    void b.submit(1);
    void b.submit(2);
    expect(c.running()).toBe(1); // one waiting: not enough for a second statement
    void b.submit(3);
    void b.submit(4);
    expect(c.running()).toBe(2);
    expect(c.batches).toEqual([[1], [2, 3, 4]]);
    while (c.running()) await c.finishNext();
  });

  it('gives each item its own outcome, and fails a whole batch when the flush throws', async () => {
    const b = createBatcher(
      async (items: number[]) => {
        if (items.includes(99)) throw new Error('database went away');
        return items.map((i) =>
          i % 2 ? { ok: true as const, value: i * 10 } : { ok: false as const, error: new Error(`even ${i}`) },
        );
      },
      { maxBatch: 10, maxInFlight: 1 },
    );
    const results = await Promise.allSettled([b.submit(1), b.submit(2), b.submit(3)]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      10,
      'even 2',
      30,
    ]);
    await expect(b.submit(99)).rejects.toThrow('database went away');
    await expect(b.submit(5)).resolves.toBe(50); // the batcher goes on after a failed flush
  });

  it('rejects when the flush returns fewer outcomes than items', async () => {
    const b = createBatcher(async () => [], { maxBatch: 10, maxInFlight: 1 });
    await expect(b.submit('x')).rejects.toThrow('0 outcomes for 1 items');
  });

  it('splits a batch that one bad item fails, until each bad item fails alone and the rest are written', async () => {
    const flushed: number[][] = [];
    const b = createBatcher(
      async (items: number[]) => {
        flushed.push(items);
        if (items.some((i) => i < 0))
          throw Object.assign(new Error(`refused ${items.filter((i) => i < 0).join(',')}`), { code: '22P05' });
        if (items.includes(1000)) throw Object.assign(new Error('deadlock'), { code: '40P01' });
        return items.map((i) => ({ ok: true as const, value: i }));
      },
      { maxBatch: 100, maxInFlight: 1, splitOn: (e) => (e as { code?: string }).code !== '40P01' },
    );
    void b.submit(0); // occupies the writer so the next ten form one batch
    const ten = [1, 2, 3, -4, 5, 6, 7, -8, 9, 10].map((i) => b.submit(i));
    const results = await Promise.allSettled(ten);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      1,
      2,
      3,
      'refused -4',
      5,
      6,
      7,
      'refused -8',
      9,
      10,
    ]);
    expect(flushed[1]).toEqual([1, 2, 3, -4, 5, 6, 7, -8, 9, 10]);
    expect(b.stats.splits).toBeGreaterThan(0);
    // halves, not one statement per item: one bad item in 64 costs a dozen statements, not 64
    flushed.length = 0;
    void b.submit(0);
    const many = await Promise.allSettled(Array.from({ length: 64 }, (_, i) => b.submit(i === 40 ? -1 : i + 1)));
    expect(many.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(flushed.length).toBeLessThanOrEqual(1 + 2 * 6 + 1);
    // contention is not split: the whole batch fails with it
    const splits = b.stats.splits;
    void b.submit(0);
    const contended = await Promise.allSettled([b.submit(1000), b.submit(11)]);
    expect(contended.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(b.stats.splits).toBe(splits);
  });
});
