import { describe, expect, it } from 'vitest';
import './deliberation.errors';
import type { MatterState } from './deliberation.labels';
import { MATTER_ALLOWED, type MatterFacts, type VoteRecord, transition } from './matter.machine';

const V = '421081107212';
const m = (state: MatterState, decisionBody: 'villagers' | 'representatives' = 'representatives'): MatterFacts => ({
  state,
  divisionCode: V,
  decisionBody,
});
const vote = (meetingType: VoteRecord['meetingType'], passed = true, more: Partial<VoteRecord> = {}): VoteRecord => ({
  meetingType,
  divisionCode: V,
  quorumMet: true,
  decided: true,
  passed,
  ...more,
});
const next = (r: ReturnType<typeof transition>) => (r.ok ? r.value : r.code);

describe('四议两公开', () => {
  it('goes through all six steps in order, each on its record', () => {
    let s: MatterState = 'proposed';
    const steps = [
      ['consult', vote('committees')],
      ['review', vote('party')],
      ['resolve', vote('representatives')],
      ['publish_resolution', null],
      ['implement', null],
      ['publish_result', null],
    ] as const;
    for (const [event, record] of steps) {
      const r = transition(m(s), event, record);
      if (!r.ok) throw new Error(r.code);
      s = r.value.next;
    }
    expect(s).toBe('completed');
    expect(MATTER_ALLOWED.completed).toEqual([]);
  });
  it('refuses a step out of order', () => {
    expect(next(transition(m('proposed'), 'review', vote('party')))).toBe('deliberation_step_out_of_order');
    expect(next(transition(m('consulted'), 'resolve', vote('representatives')))).toBe('deliberation_step_out_of_order');
    expect(next(transition(m('proposed'), 'publish_resolution', null))).toBe('deliberation_step_out_of_order');
    expect(next(transition(m('completed'), 'withdraw', null))).toBe('deliberation_step_out_of_order');
  });
  it('refuses a deliberation step without its record, of the wrong meeting, place, quorum or undecided', () => {
    expect(next(transition(m('proposed'), 'consult', null))).toBe('deliberation_step_record_missing');
    expect(next(transition(m('proposed'), 'consult', vote('party')))).toBe('deliberation_step_wrong_meeting');
    expect(next(transition(m('reviewed'), 'resolve', vote('villagers')))).toBe('deliberation_step_wrong_meeting');
    expect(next(transition(m('reviewed', 'villagers'), 'resolve', vote('villagers')))).toMatchObject({
      next: 'resolved',
    });
    expect(next(transition(m('consulted'), 'review', vote('party', true, { divisionCode: '421081107213' })))).toBe(
      'deliberation_step_wrong_meeting',
    );
    expect(next(transition(m('consulted'), 'review', vote('party', true, { quorumMet: false })))).toBe(
      'deliberation_quorum_not_met',
    );
    expect(next(transition(m('consulted'), 'review', vote('party', true, { decided: false })))).toBe(
      'deliberation_vote_not_decided',
    );
  });
  it('a failed consultation or review returns the matter to the branch; a failed resolution ends it', () => {
    expect(next(transition(m('proposed'), 'consult', vote('committees', false)))).toEqual({
      next: 'proposed',
      outcome: 'returned',
    });
    expect(next(transition(m('consulted'), 'review', vote('party', false)))).toEqual({
      next: 'proposed',
      outcome: 'returned',
    });
    expect(next(transition(m('reviewed'), 'resolve', vote('representatives', false)))).toEqual({
      next: 'rejected',
      outcome: 'rejected',
    });
    expect(MATTER_ALLOWED.rejected).toEqual([]);
  });
});

describe('messages', () => {
  it('name the step and the state in Chinese and English', async () => {
    const { errorMessage } = await import('../../platform/errors');
    const r = transition(m('proposed'), 'review', vote('party'));
    if (r.ok) throw new Error('expected a refusal');
    expect(errorMessage(r.code, 'zh-CN', r.details)).toBe(
      '四议两公开须按顺序进行：事项当前为「党组织已提议」，不能进行「党员大会审议」',
    );
    expect(errorMessage(r.code, 'en', r.details)).toContain('"review" is not allowed now');
  });
});
