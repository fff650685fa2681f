/** Problem words' pure rules: terms compared as a person means them, one owner per term, the seed clean. */
import { describe, expect, it } from 'vitest';
import { cleanEntry, findTermClash, normaliseTerm, termsOf } from './problem-words.domain';
import { DEFAULT_PROBLEM_WORDS } from './problem-words.seed';

describe('problem word terms', () => {
  it('compares terms without spaces, case or width', () => {
    expect(normaliseTerm(' 路 灯 ')).toBe('路灯');
    expect(normaliseTerm('ＤＯＧ')).toBe('dog');
    expect(termsOf({ word: '狗叫', synonyms: ['狗 叫', '犬', ' '] })).toEqual(['狗叫', '犬']);
  });

  it('finds a term another entry owns, as its word or a synonym', () => {
    const others = [{ word: '犬只扰民', synonyms: ['狗', '狗叫'] }];
    expect(findTermClash({ word: '狗 叫', synonyms: [] }, others)).toEqual({ term: '狗叫', word: '犬只扰民' });
    expect(findTermClash({ word: '新', synonyms: ['犬只扰民'] }, others)).toEqual({
      term: '犬只扰民',
      word: '犬只扰民',
    });
    expect(findTermClash({ word: '死狗', synonyms: ['狗尸体'] }, others)).toBeNull();
  });

  it('cleans an entry: trimmed, repeats and the word itself dropped from the synonyms', () => {
    expect(cleanEntry({ word: ' 漏水 ', synonyms: ['漏 水', '跑水', ' 跑水', '', '爆管'] })).toEqual({
      word: '漏水',
      synonyms: ['跑水', '爆管'],
    });
  });

  it('seeds 20–30 entries with no term in two of them', () => {
    expect(DEFAULT_PROBLEM_WORDS.length).toBeGreaterThanOrEqual(20);
    expect(DEFAULT_PROBLEM_WORDS.length).toBeLessThanOrEqual(30);
    DEFAULT_PROBLEM_WORDS.forEach((w, i) => {
      expect(findTermClash(w, DEFAULT_PROBLEM_WORDS.slice(0, i)), w.word).toBeNull();
    });
  });
});
