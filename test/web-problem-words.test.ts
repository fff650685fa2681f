/** The resident's problem search and hint (web/shared/problem-words.ts) on the county's first list. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROBLEM_WORDS } from '../src/server/modules/cases/problem-words.seed';
import { guessProblem, type ProblemWord, searchProblemWords } from '../web/shared/problem-words';

const WORDS: ProblemWord[] = DEFAULT_PROBLEM_WORDS.map((w, i) => ({
  id: `id-${i}`,
  ...w,
  sortOrder: (i + 1) * 10,
  enabled: true,
  extraFields: [],
}));
const first = (q: string) => searchProblemWords(WORDS, q)[0]?.word;

describe('problem word search', () => {
  it('finds what a person means by a word, a synonym or a part of one', () => {
    expect(first('路灯不亮')).toBe('路灯不亮');
    expect(first('狗')).toBe('犬只扰民');
    expect(first('垃圾')).toBe('垃圾没人清');
    expect(first('井盖')).toBe('井盖坏了');
    expect(first(' 噪 音 ')).toBe('噪音扰民');
    expect(first('楼道')).toBeDefined();
  });

  it('ranks an exact synonym before entries that merely contain the query', () => {
    const dogs = searchProblemWords(WORDS, '狗').map((w) => w.word);
    expect(dogs.indexOf('犬只扰民')).toBeLessThan(dogs.indexOf('动物尸体'));
    const rubbish = searchProblemWords(WORDS, '垃圾').map((w) => w.word);
    expect(rubbish).toEqual(expect.arrayContaining(['垃圾没人清', '垃圾桶满了', '焚烧垃圾']));
  });

  it('reads a sentence for the longest term it contains', () => {
    expect(first('门口的路灯坏了')).toBe('路灯不亮');
    expect(first('楼道灯坏了一个月')).toBe('楼道灯坏了');
    expect(first('路边有只死狗')).toBe('动物尸体');
  });

  it('lists every entry in the county order for a blank query, none for nonsense', () => {
    expect(searchProblemWords(WORDS, '  ').map((w) => w.word)).toEqual(WORDS.map((w) => w.word));
    expect(searchProblemWords(WORDS, 'zzzz')).toEqual([]);
  });
});

describe('problem hint', () => {
  it('takes the county model when it is confident and an entry maps to its category', () => {
    expect(guessProblem(WORDS, '晚上走路看不见', { code: '01037', probability: 0.8 })?.word).toBe('路灯不亮');
  });

  it('falls back to the words of the description when the model is unsure or absent', () => {
    expect(guessProblem(WORDS, '村口的路灯坏了好几天', { code: '06028', probability: 0.3 })?.word).toBe('路灯不亮');
    expect(guessProblem(WORDS, '隔壁的狗整夜叫', null)?.word).toBe('犬只扰民');
    expect(guessProblem(WORDS, '今天天气不错', null)).toBeNull();
  });
});
