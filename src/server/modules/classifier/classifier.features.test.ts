import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FEATURE_CONFIG,
  cosine,
  extractRaw,
  featureOccurrences,
  hashString,
  isBlankInput,
  prepareText,
} from './classifier.features';
import { blockWords, charNgrams, normalizeText, segmentWords } from './classifier.text';

describe('normalizeText', () => {
  it('folds width and case, maps digits to 0 and punctuation to one space', () => {
    expect(normalizeText('Ａ３区，２０１９年！！ABC')).toBe('a0区 0年 abc');
    expect(normalizeText('  ，。！  ')).toBe('');
  });
  it('keeps astral letters (CJK extension B) and drops emoji', () => {
    expect(normalizeText('𠀀村😀路灯')).toBe('𠀀村 路灯');
  });
  it('matches the regular-expression definition on mixed text', () => {
    const reference = (t: string): string =>
      t
        .normalize('NFKC')
        .toLowerCase()
        .replace(/\p{Nd}+/gu, '0')
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
    for (const t of ['A1区“幸福里”小区, 3栋402室 —— 噪音!!', '①②号楼\t\n路灯 ٣٤ ', 'ＫＴＶ２４小时营业…']) {
      expect(normalizeText(t)).toBe(reference(t));
    }
  });
});

describe('segmentWords', () => {
  it('cuts Chinese into jieba words without spaces', () => {
    const words = segmentWords(normalizeText('小区垃圾污染严重，请环保局处理'));
    expect(words).toContain('垃圾');
    expect(words).toContain('环保局');
    expect(words.every((w) => w.trim() === w && w !== '')).toBe(true);
  });
  it('returns nothing for empty text', () => {
    expect(segmentWords('')).toEqual([]);
  });
  it('derives the title words from one cut of title + body', () => {
    const title = normalizeText('关于幸福小区垃圾站臭味扰民的投诉');
    const main = `${title} ${normalizeText('垃圾站每天散发臭味，请城管局处理')}`;
    const { mainWords, titleWords } = blockWords(title, main, true);
    expect(titleWords).toEqual(segmentWords(title));
    expect(mainWords).toEqual(segmentWords(main));
  });
});

describe('charNgrams', () => {
  it('gives 1..3-grams that never cross a space', () => {
    expect(charNgrams('abc d', 1, 3)).toEqual(['a', 'ab', 'abc', 'b', 'bc', 'c', 'd']);
    expect(charNgrams('垃圾站', 2, 2)).toEqual(['垃圾', '圾站']);
  });
});

describe('hashing', () => {
  it('is stable and seed-dependent', () => {
    expect(hashString(1, '垃圾')).toBe(hashString(1, '垃圾'));
    expect(hashString(1, '垃圾')).not.toBe(hashString(2, '垃圾'));
  });
  it('explanation terms hash to the same buckets as the fast path', () => {
    const input = { title: '噪音扰民', body: '楼下KTV每晚噪音很大，影响休息。' };
    const raw = extractRaw(input, DEFAULT_FEATURE_CONFIG);
    const fast = new Set([...raw.main.buckets, ...raw.title.buckets]);
    const prepared = prepareText(input, DEFAULT_FEATURE_CONFIG);
    const { occurrences, tokens } = featureOccurrences(prepared, DEFAULT_FEATURE_CONFIG);
    expect(tokens.map((t) => t.text)).toContain('噪音');
    for (const t of tokens) expect(prepared.main.slice(t.start, t.end)).toBe(t.text);
    const slow = new Set(occurrences.map((o) => o.bucket));
    expect(slow).toEqual(fast);
  });
});

describe('prepareText', () => {
  it('truncates long bodies instead of rejecting them', () => {
    const body = '很'.repeat(10_000);
    const { main } = prepareText({ title: '标题', body }, DEFAULT_FEATURE_CONFIG);
    expect(main.length).toBe(2 + 1 + DEFAULT_FEATURE_CONFIG.maxBodyChars);
  });
  it('detects blank input', () => {
    expect(isBlankInput({ title: ' ', body: '\n\t，' })).toBe(true);
    expect(isBlankInput({ title: '', body: '路灯坏了' })).toBe(false);
  });
});

describe('cosine', () => {
  it('is 1 for the same unit vector and 0 for disjoint ones', () => {
    const a = { indices: Int32Array.from([1, 2]), values: Float32Array.from([0.6, 0.8]) };
    const b = { indices: Int32Array.from([3]), values: Float32Array.from([1]) };
    expect(cosine(a, a)).toBeCloseTo(1, 6);
    expect(cosine(a, b)).toBe(0);
  });
});
