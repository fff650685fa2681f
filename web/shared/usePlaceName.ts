/**
 * The place at a point as people name it — 镇 · 村/社区 · 网格 · 小区/楼栋 — asked of the server's
 * point → grid look-up (GET /api/cases/place). Pages show this, never raw longitude and latitude.
 * null while unknown; '' when the point lies outside the county.
 */
import { useEffect, useState } from 'react';
import type { PlaceView } from '../../src/server/modules/cases/cases.schema';
import { api } from './api';
import type { LngLat } from './geo';

export function usePlaceName(point: LngLat | null, coordSystem: 'wgs84' | 'gcj02' = 'wgs84'): string | null {
  const [name, setName] = useState<string | null>(null);
  const [lng, lat] = point ?? [null, null];
  useEffect(() => {
    setName(null);
    if (lng === null || lat === null || !Number.isFinite(lng) || !Number.isFinite(lat)) return;
    let live = true;
    api
      .get<PlaceView>('/api/cases/place', { lng, lat, coordSystem })
      .then((r) => live && setName(r.inCounty ? r.names.join(' · ') : ''))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [lng, lat, coordSystem]);
  return name;
}
