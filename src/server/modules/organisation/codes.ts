/**
 * Codes below the village (the platform's own extension of the 12-digit statistical code):
 *   grid      = village (12) + 3 digits                     e.g. 421081107212 001
 *   building  = grid (15) + 3 digits (000 = no building, e.g. a rural household directly in a grid)
 *   household = building (18) + 4 digits                    e.g. 421081107212 001 012 0007
 *   compound / villager group (小区 / 村民小组) = village (12) + 'C' + 3 digits (not on the path:
 *   a building may belong to one; grids and compounds cut the village differently)
 * A subtree is still a code prefix: every household of a grid starts with the grid's code.
 */
export const GRID_LENGTH = 15;
export const BUILDING_LENGTH = 18;
export const HOUSEHOLD_LENGTH = 22;

export type PlaceLevel = 'village' | 'grid' | 'building' | 'household';

export function placeLevel(code: string): PlaceLevel | null {
  if (!/^\d+$/.test(code)) return null;
  switch (code.length) {
    case 12:
      return 'village';
    case GRID_LENGTH:
      return 'grid';
    case BUILDING_LENGTH:
      return 'building';
    case HOUSEHOLD_LENGTH:
      return 'household';
    default:
      return null;
  }
}

export const gridCode = (villageCode: string, n: number) => `${villageCode}${String(n).padStart(3, '0')}`;
export const buildingCode = (grid: string, n: number) => `${grid}${String(n).padStart(3, '0')}`;
export const householdCode = (building: string, n: number) => `${building}${String(n).padStart(4, '0')}`;
export const compoundCode = (villageCode: string, n: number) => `${villageCode}C${String(n).padStart(3, '0')}`;

export const isCompoundCode = (code: string) => /^\d{12}C\d{3}$/.test(code);

export function villageOf(code: string): string {
  return code.slice(0, 12);
}

export function gridOf(code: string): string | null {
  return code.length >= GRID_LENGTH && /^\d+$/.test(code) ? code.slice(0, GRID_LENGTH) : null;
}

export function buildingOf(household: string): string {
  return household.slice(0, BUILDING_LENGTH);
}
