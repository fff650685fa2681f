/** The apps' dictionaries are joined from the shell and each module's strings; a key declared twice is refused. */
import { describe, expect, it } from 'vitest';
import { joinMessages, type MessagePart } from '../web/shared/dictionary';

describe('joinMessages', () => {
  it('joins the parts in the asked language and refuses a key declared twice, naming the part', () => {
    const parts: MessagePart[] = [
      { label: 'a', messages: { zh: { 'a.x': '甲' }, en: { 'a.x': 'A' } } },
      { label: 'b', messages: { zh: { 'b.y': '乙' }, en: { 'b.y': 'B' } } },
      { label: 'c' },
    ];
    expect(joinMessages('en', { 'shell.t': 'T' }, parts)).toEqual({ 'shell.t': 'T', 'a.x': 'A', 'b.y': 'B' });
    expect(joinMessages('zh', {}, parts)).toEqual({ 'a.x': '甲', 'b.y': '乙' });
    expect(() => joinMessages('zh', { 'b.y': '壳' }, parts)).toThrow('message b.y is declared twice (b)');
  });
});
