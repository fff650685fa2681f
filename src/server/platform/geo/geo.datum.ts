/**
 * Datum conversion for points from Chinese phone maps (AMap/Tencent: GCJ-02) to WGS-84, which is
 * what we store. gcoord inverts the GCJ-02 offset iteratively (sub-metre round trip); points
 * outside mainland China are returned unchanged, as the offset does not apply there.
 */
import gcoord from 'gcoord';
import type { LngLat } from './geo.polygon';

export function gcj02ToWgs84([lng, lat]: LngLat): LngLat {
  const [x, y] = gcoord.transform([lng, lat], gcoord.GCJ02, gcoord.WGS84);
  return [x, y];
}

export function wgs84ToGcj02([lng, lat]: LngLat): LngLat {
  const [x, y] = gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02);
  return [x, y];
}
