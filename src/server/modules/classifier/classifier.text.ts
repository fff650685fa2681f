/**
 * Text preparation for the classifier: normalisation and jieba segmentation. The jieba dictionary
 * ships inside the @node-rs/jieba package and is loaded once, lazily.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';

let jiebaInstance: Jieba | undefined;
function jieba(): Jieba {
  // dict.txt itself: the package's `dict.js` also reads idf.txt (6 MB) that segmentation never uses.
  jiebaInstance ??= Jieba.withDict(readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt')));
  return jiebaInstance;
}

/** Build the segmenter now (≈0.2 s) instead of on the first prediction. */
export function warmUpSegmenter(): void {
  jieba();
}

// Character classes for normalisation: 0 = separator, 1 = letter or non-decimal number, 2 = decimal digit.
const DIGIT_RE = /^\p{Nd}$/u;
const WORD_RE = /^[\p{L}\p{N}]$/u;
const classOf = (ch: string): number => (DIGIT_RE.test(ch) ? 2 : WORD_RE.test(ch) ? 1 : 0);
let bmpClass: Uint8Array | undefined;
function charClasses(): Uint8Array {
  if (!bmpClass) {
    bmpClass = new Uint8Array(65536);
    for (let c = 0; c < 65536; c++) bmpClass[c] = c >= 0xd800 && c <= 0xdfff ? 0 : classOf(String.fromCharCode(c));
  }
  return bmpClass;
}
let normalizeBuffer = new Uint16Array(4096);

/**
 * NFKC (full-width → half-width), lower case, each run of decimal digits → "0", each run of other
 * characters (punctuation, spaces, symbols) → one space, trimmed. One pass over a class table.
 */
export function normalizeText(text: string): string {
  const s = text.normalize('NFKC').toLowerCase();
  const classes = charClasses();
  if (normalizeBuffer.length < s.length + 1) normalizeBuffer = new Uint16Array(s.length * 2);
  const out = normalizeBuffer;
  let n = 0;
  let prev = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let k: number;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      width = 2; // astral code point (e.g. CJK extension B): classify the whole pair
      k = classOf(s.slice(i, i + 2));
    } else k = classes[c];
    if (k === 1) {
      out[n++] = c;
      if (width === 2) out[n++] = s.charCodeAt(i + 1);
    } else if (k === 2) {
      if (prev !== 2) out[n++] = 48;
    } else if (prev !== 0 && n > 0) out[n++] = 32;
    prev = k;
    i += width - 1;
  }
  if (n > 0 && out[n - 1] === 32) n--;
  let result = '';
  for (let start = 0; start < n; start += 8192) {
    result += String.fromCharCode.apply(null, out.subarray(start, Math.min(n, start + 8192)) as unknown as number[]);
  }
  return result;
}

/** Jieba words (HMM on) of already-normalised text, without spaces. */
export function segmentWords(normalized: string): string[] {
  if (normalized === '') return [];
  return jieba()
    .cut(normalized, true)
    .filter((w) => w.trim() !== '');
}

/** Character n-grams of normalised text; n-grams never cross a space. */
export function charNgrams(normalized: string, min: number, max: number): string[] {
  const out: string[] = [];
  for (const segment of normalized.split(' ')) {
    for (let i = 0; i < segment.length; i++) {
      for (let n = min; n <= max && i + n <= segment.length; n++) out.push(segment.slice(i, i + n));
    }
  }
  return out;
}

/**
 * Words of the whole text and of the title with one jieba call: jieba cuts space-separated blocks
 * independently, so the title's words are the tokens lying inside the title prefix of `main`.
 */
export function blockWords(
  title: string,
  main: string,
  useWords: boolean,
): { mainWords: string[]; titleWords: string[] } {
  if (!useWords || main === '') return { mainWords: [], titleWords: [] };
  const mainWords: string[] = [];
  const titleWords: string[] = [];
  let offset = 0;
  for (const token of jieba().cut(main, true)) {
    const end = offset + token.length;
    if (token.trim() !== '') {
      mainWords.push(token);
      if (end <= title.length) titleWords.push(token);
    }
    offset = end;
  }
  return { mainWords, titleWords };
}

export interface TokenSpan {
  text: string;
  start: number;
  end: number;
}

/** Jieba tokens of normalised text with their offsets (spaces left out). */
export function tokenSpans(normalized: string): TokenSpan[] {
  const spans: TokenSpan[] = [];
  if (normalized === '') return spans;
  let offset = 0;
  for (const token of jieba().cut(normalized, true)) {
    const end = offset + token.length;
    if (token.trim() !== '') spans.push({ text: token, start: offset, end });
    offset = end;
  }
  return spans;
}
