import { describe, expect, it } from 'vitest';
import {
  codePoints,
  cutText,
  displayText,
  fieldProblemError,
  findUnstorable,
  storableJson,
  storableText,
  textProblem,
} from './text';

describe('text the database can store', () => {
  it('finds NUL and lone surrogates, and accepts paired ones', () => {
    expect(textProblem('a\0b')).toBe('nul');
    expect(textProblem('\ud800')).toBe('lone_surrogate');
    expect(textProblem('x\udc00')).toBe('lone_surrogate');
    expect(textProblem('\udc00\ud800')).toBe('lone_surrogate'); // pair in the wrong order
    expect(textProblem('𠮷👨‍👩‍👧 ok')).toBeNull();
  });

  it('makes text well-formed as the drivers would store it (String.prototype.toWellFormed, NUL too)', () => {
    expect(storableText('a\ud800b\0c\udfff')).toBe('a\uFFFDb\uFFFDc\uFFFD');
    expect(storableText('𠮷')).toBe('𠮷');
    expect(storableJson({ [`k\0`]: ['\ud800', { d: new Date(0), n: Number.NaN, u: undefined }] })).toEqual({
      'k\uFFFD': ['\uFFFD', { d: '1970-01-01T00:00:00.000Z', n: null }],
    });
    expect(storableJson(null)).toBeNull();
  });

  it('names the first bad string at any depth, keys included', () => {
    expect(findUnstorable({ a: [1, { b: 'ok', c: 'x\0' }] }, 'body')).toEqual({ field: 'body.a.1.c', problem: 'nul' });
    expect(findUnstorable({ extra: { ['n\ud800']: 1 } }, 'body')).toEqual({
      field: 'body.extra.n\\ud800',
      problem: 'lone_surrogate',
    });
    expect(findUnstorable('\0', 'body')).toEqual({ field: 'body', problem: 'nul' });
    expect(findUnstorable({ file: Buffer.from([0]), n: 1 }, 'body')).toBeNull(); // bytes are not text
    expect(findUnstorable({ n: Number.POSITIVE_INFINITY }, '', { numbers: true })).toEqual({
      field: 'n',
      problem: 'not_finite',
    });
    const cyclic: Record<string, unknown> = { name: 'ok' };
    cyclic.self = cyclic; // multipart parts point back at their fields
    expect(findUnstorable(cyclic, 'body')).toBeNull();
  });

  it('gives a clear 400 naming the field', () => {
    expect(fieldProblemError({ field: 'body.description', problem: 'nul' })).toMatchObject({
      code: 'text_invalid',
      status: 400,
      details: { field: 'body.description' },
    });
    expect(fieldProblemError({ field: 'lat', problem: 'out_of_range' })).toMatchObject({
      code: 'validation_failed',
      status: 400,
    });
    expect(displayText('a\0b')).toBe('a\\u0000b');
  });
});

describe('cutting text', () => {
  it('never splits a character: emoji, ZWJ sequences, astral ideographs, combining marks', () => {
    const family = '👨‍👩‍👧'; // 5 code points, one grapheme
    expect(cutText(`${'好'.repeat(29)}😀😀`, 30)).toBe(`${'好'.repeat(29)}😀`);
    expect(cutText(`${'好'.repeat(28)}${family}`, 30)).toBe('好'.repeat(28));
    expect(cutText('é'.normalize('NFD').repeat(20), 5)).toBe('é'.normalize('NFD').repeat(2));
    expect(cutText('𠮷'.repeat(40), 30)).toBe('𠮷'.repeat(30));
    for (let n = 0; n < 40; n++) expect(textProblem(cutText('😀a'.repeat(30), n))).toBeNull();
  });

  it('keeps within the limit in code points, and short text whole', () => {
    expect(cutText('short', 30)).toBe('short');
    expect(codePoints(cutText('😀'.repeat(100), 30))).toBe(30);
    // a single grapheme longer than the limit is cut between code points, never inside one
    expect(cutText(`a${'\u0301'.repeat(50)}`, 10)).toBe(`a${'\u0301'.repeat(9)}`);
  });
});
