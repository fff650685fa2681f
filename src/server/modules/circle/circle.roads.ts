/**
 * Reading a road file (pure): a GeoJSON FeatureCollection (or one Feature or geometry) of LineString
 * and MultiLineString features in WGS-84. Every bad feature is reported with its index and reason;
 * the caller writes nothing unless there is none.
 */

export interface RoadFileError {
  feature: number;
  reason: string;
}

const MAX_ERRORS = 100;

function position(p: unknown): p is [number, number] {
  return (
    Array.isArray(p) &&
    p.length >= 2 &&
    typeof p[0] === 'number' &&
    typeof p[1] === 'number' &&
    Number.isFinite(p[0]) &&
    Number.isFinite(p[1]) &&
    Math.abs(p[0]) <= 180 &&
    Math.abs(p[1]) <= 90
  );
}

function lineOf(coords: unknown): [number, number][] | string {
  if (!Array.isArray(coords) || coords.length < 2) return 'a line needs at least two positions';
  const bad = coords.findIndex((p) => !position(p));
  if (bad >= 0) return `position ${bad} is not [longitude, latitude] in degrees`;
  return coords.map((p) => [p[0], p[1]] as [number, number]);
}

export function parseRoadFile(
  text: string,
  /** a test of the area (e.g. the county's box): a feature with no position inside is an error */
  inArea: (p: [number, number]) => boolean = () => true,
): { lines: [number, number][][]; segments: number; errors: RoadFileError[]; total: number } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { lines: [], segments: 0, errors: [{ feature: -1, reason: 'not JSON' }], total: 1 };
  }
  const d = doc as { type?: unknown; features?: unknown };
  const features: unknown[] =
    d?.type === 'FeatureCollection' && Array.isArray(d.features)
      ? d.features
      : d?.type === 'Feature'
        ? [doc]
        : d?.type
          ? [{ type: 'Feature', geometry: doc }]
          : [];
  const errors: RoadFileError[] = [];
  let total = 0;
  const fail = (feature: number, reason: string) => {
    total++;
    if (errors.length < MAX_ERRORS) errors.push({ feature, reason });
  };
  if (features.length === 0) fail(-1, 'not a GeoJSON FeatureCollection with features');
  const lines: [number, number][][] = [];
  /** The feature's lines, or why it is refused. */
  const featureLines = (f: unknown): [number, number][][] | string => {
    const g = (f as { type?: unknown; geometry?: { type?: unknown; coordinates?: unknown } | null })?.geometry;
    if ((f as { type?: unknown })?.type !== 'Feature' || !g) return 'not a Feature with a geometry';
    const parts =
      g.type === 'LineString'
        ? [g.coordinates]
        : g.type === 'MultiLineString' && Array.isArray(g.coordinates)
          ? g.coordinates
          : null;
    if (!parts) return `geometry ${String(g.type)} is not a LineString or MultiLineString`;
    const read = parts.map(lineOf);
    const problem = read.find((r) => typeof r === 'string');
    if (problem) return problem as string;
    if (!(read as [number, number][][]).some((l) => l.some(inArea)))
      return 'no position lies in the county (longitude and latitude swapped, or not WGS-84 degrees?)';
    return read as [number, number][][];
  };
  for (const [i, f] of features.entries()) {
    const read = featureLines(f);
    if (typeof read === 'string') fail(i, read);
    else lines.push(...read);
  }
  return { lines, segments: lines.reduce((n, l) => n + l.length - 1, 0), errors, total };
}
