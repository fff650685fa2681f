/**
 * Group commit for hot write paths: callers submit one item each and wait for its own outcome;
 * items that arrive while earlier flushes are still running are written together by the next
 * flush. Nothing waits on a timer: an idle batcher flushes a lone item at once, and a busy one
 * gathers exactly what arrived during the round trip it is waiting for. Each item settles after
 * the flush that carried it has finished (for writes: after its commit).
 */
export type Settled<O> = { ok: true; value: O } | { ok: false; error: unknown };

export interface BatcherOptions {
  /** Most items one flush takes (the rest wait for the next one). */
  maxBatch: number;
  /** Most flushes running at once (e.g. connections the path may hold). */
  maxInFlight: number;
  /**
   * A flush beyond the first starts only when at least this many items wait (default 1): under
   * moderate load items then gather behind the one running flush (fewer, fuller statements), and
   * only a real backlog opens a second one.
   */
  moreInFlightFrom?: number;
  /**
   * When a flush of several items throws an error for which this is true (one item the statement
   * refused, say — not contention), the batch is split in halves and each half flushed again, down
   * to single items: the good items are written and each bad one fails alone with its own error.
   */
  splitOn?: (error: unknown) => boolean;
}

export interface Batcher<I, O> {
  submit(item: I): Promise<O>;
  /** Flushes running and items waiting, for metrics and tests. */
  readonly stats: { inFlight: number; waiting: number; flushes: number; items: number; splits: number };
}

/**
 * `flush` gets the items of one batch and returns one outcome per item, in order. When it throws,
 * every item of that batch fails with the error (a batch is all-or-nothing unless flush says
 * otherwise), unless `splitOn` says the batch is to be split.
 */
export function createBatcher<I, O>(
  flush: (items: I[]) => Promise<Settled<O>[]>,
  options: BatcherOptions,
): Batcher<I, O> {
  interface Waiting {
    item: I;
    resolve: (o: O) => void;
    reject: (e: unknown) => void;
  }
  const queue: Waiting[] = [];
  const stats = { inFlight: 0, waiting: 0, flushes: 0, items: 0, splits: 0 };

  /** Flushes items; a batch the error says to split is flushed again in halves (bisection finds the bad items in O(bad · log n) flushes). */
  const attempt = async (items: I[]): Promise<Settled<O>[]> => {
    try {
      return await flush(items);
    } catch (error) {
      if (items.length === 1 || !options.splitOn?.(error)) return items.map(() => ({ ok: false, error }));
      stats.splits++;
      const half = Math.ceil(items.length / 2);
      return [...(await attempt(items.slice(0, half))), ...(await attempt(items.slice(half)))];
    }
  };

  const settle = (batch: Waiting[], outcomes: Settled<O>[]) => {
    batch.forEach((w, i) => {
      const o = outcomes[i];
      if (!o) w.reject(new Error(`batch flush returned ${outcomes.length} outcomes for ${batch.length} items`));
      else if (o.ok) w.resolve(o.value);
      else w.reject(o.error);
    });
  };

  const pump = () => {
    while (
      stats.inFlight < options.maxInFlight &&
      queue.length >= (stats.inFlight === 0 ? 1 : (options.moreInFlightFrom ?? 1))
    ) {
      const batch = queue.splice(0, options.maxBatch);
      stats.waiting = queue.length;
      stats.inFlight++;
      stats.flushes++;
      stats.items += batch.length;
      attempt(batch.map((w) => w.item))
        .then(
          (outcomes) => settle(batch, outcomes),
          (error) =>
            settle(
              batch,
              batch.map(() => ({ ok: false, error })),
            ),
        )
        .finally(() => {
          stats.inFlight--;
          pump();
        });
    }
  };

  return {
    stats,
    submit(item) {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        stats.waiting = queue.length;
        pump();
      });
    },
  };
}
