/** Grids, buildings, households, residents and party organisations: other modules import only from here. */
export { canReadPeopleAt } from './organisation.policy';
export { gridIndex, invalidateGridIndex, type GridLookup } from './grid-index';
export { loadDemoPopulation, type DemoLoadResult } from './demo/demo.load';
// issue #14 (care demo): a module's demo may add the few residents it needs to the register
export { refreshCoverage, writeHouseholds, writeResidents } from './organisation.write';
export { makeIdNumber } from './id-number';
