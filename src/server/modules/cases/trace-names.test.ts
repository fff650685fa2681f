/** Routing traces name their grid and department (issue #11 item 11). */
import { describe, expect, it } from 'vitest';
import { nameTrace, traceCodes } from './trace-names';

const trace = [
  { rule: 'grid_polygon', zh: '坐标位于网格 421081107212001 内', en: 'The point lies in grid 421081107212001' },
  {
    rule: 'department',
    zh: '由责任部门 421081-cgj 办理，经市级调度派遣',
    en: 'Responsible department 421081-cgj, dispatched by the county dispatcher',
  },
  { rule: 'x', zh: '案件 421081-20261205-000001 不变', en: 'Case 421081-20261205-000001 unchanged' },
];
const names = {
  divisions: new Map([['421081107212001', '百子庵村第1网格']]),
  departments: new Map([['421081-cgj', { zh: '城管局', en: 'Urban Management Bureau' }]]),
};

describe('nameTrace', () => {
  it('finds the division and department codes (not case numbers)', () => {
    expect(traceCodes(trace)).toEqual({ divisions: ['421081107212001'], departments: ['421081-cgj'] });
  });

  it('puts names in the Chinese steps and the department’s English name in the English ones', () => {
    const named = nameTrace(trace, names);
    expect(named[0].zh).toBe('坐标位于网格「百子庵村第1网格」内');
    expect(named[1].zh).toBe('由责任部门城管局办理，经市级调度派遣');
    expect(named[1].en).toBe('Responsible department Urban Management Bureau, dispatched by the county dispatcher');
    expect(named[2]).toEqual(trace[2]);
    for (const s of named.slice(0, 2)) expect(s.zh).not.toMatch(/\d{6}/);
  });

  it('leaves a code it has no name for', () => {
    expect(nameTrace(trace, { divisions: new Map(), departments: new Map() })).toEqual(trace);
  });
});
