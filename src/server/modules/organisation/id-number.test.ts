import { describe, expect, it } from 'vitest';
import { buildingCode, compoundCode, gridCode, householdCode, isCompoundCode, placeLevel } from './codes';
import { checkCharacter, idProblemOf, makeIdNumber, parseIdNumber } from './id-number';

describe('ID numbers (GB 11643)', () => {
  it('computes the MOD 11-2 check character', () => {
    expect(checkCharacter('11010519491231002')).toBe('X'); // the standard's own example
    expect(parseIdNumber('11010519491231002X')).toMatchObject({
      ok: true,
      value: { birthDate: '1949-12-31', gender: 'F', regionCode: '110105' },
    });
    expect(parseIdNumber('11010519491231002x').ok).toBe(true);
  });

  it('rejects a wrong checksum, an impossible date and a bad format', () => {
    expect(idProblemOf(parseIdNumber('110105194912310021'))).toBe('checksum');
    expect(idProblemOf(parseIdNumber(makeIdNumber('421081', '20230230', 1)))).toBe('birth_date');
    expect(idProblemOf(parseIdNumber(makeIdNumber('421081', '20990101', 1)))).toBe('birth_date');
    expect(parseIdNumber('4210811990')).toMatchObject({
      ok: false,
      code: 'validation_failed',
      details: { field: 'idNumber', problem: 'format' },
    });
  });

  it('derives gender from the sequence', () => {
    expect(parseIdNumber(makeIdNumber('421081', '19900101', 13))).toMatchObject({ ok: true, value: { gender: 'M' } });
    expect(parseIdNumber(makeIdNumber('421081', '19900101', 14))).toMatchObject({ ok: true, value: { gender: 'F' } });
  });
});

describe('codes below the village', () => {
  it('extends the village code: 3 digits grid, 3 building, 4 household', () => {
    const g = gridCode('421081107212', 1);
    const b = buildingCode(g, 12);
    const h = householdCode(b, 7);
    expect([g, b, h]).toEqual(['421081107212001', '421081107212001012', '4210811072120010120007']);
    expect([placeLevel(g), placeLevel(b), placeLevel(h), placeLevel('421081107212')]).toEqual([
      'grid',
      'building',
      'household',
      'village',
    ]);
    expect(compoundCode('421081107212', 3)).toBe('421081107212C003');
    expect(isCompoundCode('421081107212C003')).toBe(true);
    expect(placeLevel('4210811072120')).toBeNull();
  });
});
