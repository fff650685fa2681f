/** Deterministic synthetic demo data for the organisation module (see demo.dataset.ts). */
export {
  generateDemo,
  demoGeometry,
  REAL_FIGURES,
  type DemoDataset,
  type DemoOptions,
  type DemoSummary,
} from './demo.dataset';
export { DEMO_AS_OF } from './demo.people';
export { countyDivisions, type CountyDivisions, type DemoTown, type DemoVillage } from './demo.divisions';
