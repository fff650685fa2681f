/** Grids, buildings, households, residents and party organisations: other modules import only from here. */
export { canReadPeopleAt } from './organisation.policy';
export { gridIndex, invalidateGridIndex, type GridLookup } from './grid-index';
export { loadDemoPopulation, type DemoLoadResult } from './demo/demo.load';
// module demos (issue #14 care, #16 selections) may add the few residents they need to the register
export { refreshCoverage, writeHouseholds, writeResidents } from './organisation.write';
export { makeIdNumber, parseIdNumber, idProblemOf, type IdProblem } from './id-number';
// the cockpit's map (#17): the grids' outlines under a place
export { gridFeatures } from './places.repo';
