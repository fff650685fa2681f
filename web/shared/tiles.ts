/**
 * 天地图 (Tianditu) base map under the SVG layers, when the installation has a key: Web Mercator
 * tiles ('w' tile matrix set, CGCS2000 ≈ WGS-84 at map scale), vector layer plus its annotation.
 * The projection below maps lng/lat to the same Web Mercator pixels, so layers line up with tiles.
 */
import { type LngLat, type Projection, VIEW_WIDTH } from './geo';

export interface MapTiles {
  provider: 'tianditu';
  key: string;
}

const TILE = 256;

/** Web Mercator world pixel coordinates at zoom z. */
function mercator([lng, lat]: LngLat, z: number): [number, number] {
  const size = TILE * 2 ** z;
  const s = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
  return [((lng + 180) / 360) * size, (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * size];
}

function unmercator(x: number, y: number, z: number): LngLat {
  const size = TILE * 2 ** z;
  const lng = (x / size) * 360 - 180;
  const n = Math.PI - (2 * Math.PI * y) / size;
  return [lng, (180 / Math.PI) * Math.atan(0.5 * (Math.exp(n) - Math.exp(-n)))];
}

export interface TiledProjection extends Projection {
  tiles: { href: string; x: number; y: number; size: number }[];
}

/** Fits the points at the largest zoom whose view is at most ~VIEW_WIDTH wide, and lists the tiles to draw. */
export function fitTiledProjection(points: LngLat[], tiles: MapTiles): TiledProjection | null {
  if (points.length === 0) return null;
  const lngs = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const min: LngLat = [Math.min(...lngs), Math.min(...lats)];
  const max: LngLat = [Math.max(...lngs), Math.max(...lats)];
  let z = 18;
  while (z > 1) {
    const [x0] = mercator(min, z);
    const [x1] = mercator(max, z);
    if (x1 - x0 <= VIEW_WIDTH * 0.92) break;
    z--;
  }
  const [ax, ay] = mercator([min[0], max[1]], z);
  const [bx, by] = mercator([max[0], min[1]], z);
  const pad = 16;
  const left = ax - pad - (VIEW_WIDTH - 2 * pad - (bx - ax)) / 2;
  const top = ay - pad;
  const height = by - ay + 2 * pad;
  const list: TiledProjection['tiles'] = [];
  for (let tx = Math.floor(left / TILE); tx <= Math.floor((left + VIEW_WIDTH) / TILE); tx++) {
    for (let ty = Math.floor(top / TILE); ty <= Math.floor((top + height) / TILE); ty++) {
      for (const layer of ['vec', 'cva']) {
        const server = (tx + ty) % 8;
        list.push({
          href: `https://t${server}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX=${z}&TILEROW=${ty}&TILECOL=${tx}&tk=${tiles.key}`,
          x: tx * TILE - left,
          y: ty * TILE - top,
          size: TILE,
        });
      }
    }
  }
  return {
    width: VIEW_WIDTH,
    height,
    tiles: list,
    project: (p) => {
      const [x, y] = mercator(p, z);
      return [x - left, y - top];
    },
    invert: (x, y) => unmercator(x + left, y + top, z),
  };
}
