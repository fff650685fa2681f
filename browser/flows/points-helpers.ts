/** Steps of the points flow: a point inside a village's grid, and a resident sign-in that waits out the SMS rate limit. */
import type { Page } from 'playwright-core';
import { apiResidentSignIn } from '../helpers';

type Ring = [number, number][];

function inside([x, y]: [number, number], ring: Ring): boolean {
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** A WGS-84 point inside the first grid of a village: the centroid if inside, else a fan triangle's centroid. */
export async function pointInGrid(page: Page, village: string): Promise<[number, number]> {
  const res = await page.request.get(`/api/grids/map?scope=${village}`);
  if (!res.ok()) throw new Error(`grids map: HTTP ${res.status()}`);
  const map = (await res.json()) as { features: { geometry: { type: string; coordinates: unknown } }[] };
  for (const f of map.features) {
    const ring = (
      f.geometry.type === 'Polygon' ? (f.geometry.coordinates as Ring[])[0] : (f.geometry.coordinates as Ring[][])[0][0]
    ).slice(0, -1);
    const c: [number, number] = [
      ring.reduce((s, p) => s + p[0], 0) / ring.length,
      ring.reduce((s, p) => s + p[1], 0) / ring.length,
    ];
    if (inside(c, ring)) return c;
    for (let i = 1; i + 1 < ring.length; i++) {
      const t: [number, number] = [
        (ring[0][0] + ring[i][0] + ring[i + 1][0]) / 3,
        (ring[0][1] + ring[i][1] + ring[i + 1][1]) / 3,
      ];
      if (inside(t, ring)) return t;
    }
  }
  throw new Error(`no grid polygon under ${village}`);
}

/** Signs a resident in; a phone may ask for a code once a minute, so a refused request is retried for up to 65 s. */
export async function residentSignInWhenAllowed(page: Page, phone: string): Promise<void> {
  const deadline = Date.now() + 65_000;
  for (;;) {
    try {
      await apiResidentSignIn(page, phone);
      return;
    } catch (e) {
      if (Date.now() > deadline || !String(e).includes('sms-code')) throw e;
      await page.waitForTimeout(3000);
    }
  }
}
