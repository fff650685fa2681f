/** Names of the division codes shown in the console's tables and pages (points' issuers and scopes, a case's grid), fetched once per code. */
import { useEffect, useState } from 'react';
import { fetchDivision } from './divisions';

const cache = new Map<string, Promise<string>>();

function nameOf(code: string): Promise<string> {
  let p = cache.get(code);
  if (!p) {
    p = fetchDivision(code).then(
      (d) => d.name,
      () => code,
    );
    cache.set(code, p);
  }
  return p;
}

/** `name(code)` gives the division's name once loaded, the code until then. */
export function usePlaceNames(codes: (string | null | undefined)[]): (code: string | null | undefined) => string {
  const [names, setNames] = useState<Record<string, string>>({});
  const key = [...new Set(codes.filter((c): c is string => !!c))].sort().join(',');
  useEffect(() => {
    if (!key) return;
    let live = true;
    const list = key.split(',');
    Promise.all(list.map(async (c) => [c, await nameOf(c)] as const)).then((pairs) => {
      if (live) setNames(Object.fromEntries(pairs));
    });
    return () => {
      live = false;
    };
  }, [key]);
  return (code) => (code ? (names[code] ?? code) : '—');
}
