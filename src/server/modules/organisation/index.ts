/** Grids, buildings, households, residents and party organisations: other modules import only from here. */
export { canReadPeopleAt } from './organisation.policy';
export { gridIndex, invalidateGridIndex, type GridLookup } from './grid-index';
export { loadDemoPopulation, type DemoLoadResult } from './demo/demo.load';
// issue #16: the selections demo registers its residents (phones for the browser flows) through these
export { refreshCoverage, writeHouseholds, writeResidents } from './organisation.write';
export { makeIdNumber } from './id-number';
