import { describe, expect, it } from 'vitest';
import { ancestorsOf, isDivisionCode, kindOf, levelOf, parentOf } from './divisions.domain';

describe('division codes', () => {
  it('derives level and parent from the code length', () => {
    expect(levelOf('42')).toBe(1);
    expect(levelOf('421081107212')).toBe(5);
    expect(parentOf('421081107212')).toBe('421081107');
    expect(parentOf('421081')).toBe('4210');
    expect(parentOf('42')).toBeNull();
    expect(ancestorsOf('421081107212')).toEqual(['42', '4210', '421081', '421081107']);
    expect(isDivisionCode('4210811')).toBe(false);
  });

  it('derives kinds from the code ranges of the statistical scheme', () => {
    expect(kindOf('421081001')).toBe('street');
    expect(kindOf('421081107')).toBe('town');
    expect(kindOf('421081200')).toBe('township');
    expect(kindOf('421081500')).toBe('other_town');
    expect(kindOf('421081001007')).toBe('residents_committee');
    expect(kindOf('421081107212')).toBe('village_committee');
    expect(kindOf('421081107501')).toBe('other_village');
  });
});
