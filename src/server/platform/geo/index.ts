/** Geo platform: county outlines and places, point → polygon lookup, Voronoi partitions, datums. */
export { countyOutline, countyPlaces, loadOutline, loadPlaces, type CountyPlace, type Outline } from './geo.county';
export { gcj02ToWgs84, wgs84ToGcj02 } from './geo.datum';
export { PolygonIndex, pointInCounty, type IndexedPolygon } from './geo.point-index';
export {
  areaKm2,
  bboxOf,
  distanceKm,
  pointInGeometry,
  randomPointIn,
  rfc7946Polygon,
  type Bbox,
  type LngLat,
} from './geo.polygon';
export { voronoiCells } from './geo.voronoi';
export { RegionClipper } from './geo.clip';
