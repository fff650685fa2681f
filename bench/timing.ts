/** Percentiles and a timed loop (warm-up first) shared by the benches. */
export const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];

/** p50, p95 and max in ms of `runs` calls of fn after `warm` warm-up calls, rounded to 0.1 ms. */
export async function time(runs: number, fn: (i: number) => Promise<unknown>, warm = 20) {
  for (let i = 0; i < warm; i++) await fn(i);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
  }
  const r = (x: number) => Math.round(x * 10) / 10;
  return { p50: r(pct(ms, 50)), p95: r(pct(ms, 95)), max: r(Math.max(...ms)) };
}

/** The load averages (1, 5, 15 min) as a string for the README's figures. */
export const loadAverage = async () =>
  (await import('node:os'))
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
