/**
 * Text features for the report classifier (归类): normalisation, jieba words, character n-grams,
 * feature hashing and TF-IDF (sublinear tf, l2 norm). Pure apart from the jieba dictionary, which
 * ships inside the @node-rs/jieba package and is loaded once, lazily.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

export interface FeatureConfig {
  /** Hash space is 2^hashBits buckets; only buckets seen in training are kept in the model. */
  hashBits: number;
  charNgramMin: number;
  charNgramMax: number;
  /** Add jieba words (length >= 2) as features. */
  useWords: boolean;
  /** Weight of the separate title block relative to the title+body block (0 = no title block). */
  titleWeight: number;
  /** Longer bodies are truncated to this many characters (not rejected). */
  maxBodyChars: number;
  maxTitleChars: number;
  /** A bucket must occur in at least this many training documents to be kept. */
  minDf: number;
}

export const DEFAULT_FEATURE_CONFIG: FeatureConfig = {
  hashBits: 20,
  charNgramMin: 1,
  charNgramMax: 3,
  useWords: true,
  titleWeight: 2,
  maxBodyChars: 2000,
  maxTitleChars: 200,
  minDf: 5,
};

export interface TextInput {
  title: string;
  body: string;
}

/** Hashed feature counts of one document: the title+body block and the title-only block. */
export interface RawDoc {
  main: SparseCounts;
  title: SparseCounts;
}

export interface SparseCounts {
  buckets: Uint32Array;
  counts: Float32Array;
}

export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/** Namespaces keep words, n-grams, and title copies apart in the hash space. */
const SEED = { mainChar: 0x811c9dc5, mainWord: 0x01000193, titleChar: 0x9e3779b9, titleWord: 0x7f4a7c15 };

let jiebaInstance: Jieba | undefined;
function jieba(): Jieba {
  jiebaInstance ??= Jieba.withDict(dict);
  return jiebaInstance;
}

/** Build the segmenter now (≈0.2 s) instead of on the first prediction. */
export function warmUpSegmenter(): void {
  jieba();
}

const NON_WORD = /[^\p{L}\p{N}]+/gu;
const DIGITS = /\p{Nd}+/gu;

/** NFKC (full-width → half-width), lower case, digit runs → "0", punctuation runs → one space. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(DIGITS, '0').replace(NON_WORD, ' ').trim();
}

/** True when the input has nothing to classify (empty or whitespace/punctuation only). */
export function isBlankInput(input: TextInput): boolean {
  return normalizeText(`${input.title} ${input.body}`) === '';
}

/** Jieba words (HMM on) of already-normalised text, without spaces. */
export function segmentWords(normalized: string): string[] {
  if (normalized === '') return [];
  return jieba().cut(normalized, true).filter((w) => w.trim() !== '');
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

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units, then a murmur finaliser. */
export function hashString(seed: number, s: string): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix(h ^ s.length);
}

/** Calls visit(bucket) for every char n-gram, hashing incrementally (no substrings). */
function visitCharNgrams(text: string, seed: number, cfg: FeatureConfig, mask: number, visit: (b: number) => void): void {
  const len = text.length;
  for (let i = 0; i < len; i++) {
    if (text.charCodeAt(i) === 32) continue;
    let h = seed;
    for (let n = 1; n <= cfg.charNgramMax && i + n <= len; n++) {
      const c = text.charCodeAt(i + n - 1);
      if (c === 32) break;
      h = Math.imul(h ^ c, 0x01000193);
      if (n >= cfg.charNgramMin) visit(fmix(h ^ n) & mask);
    }
  }
}

function countBlock(text: string, charSeed: number, wordSeed: number, cfg: FeatureConfig): SparseCounts {
  const mask = 2 ** cfg.hashBits - 1;
  const counts = new Map<number, number>();
  const add = (b: number): void => {
    counts.set(b, (counts.get(b) ?? 0) + 1);
  };
  visitCharNgrams(text, charSeed, cfg, mask, add);
  if (cfg.useWords) {
    for (const w of segmentWords(text)) if (w.length >= 2) add(hashString(wordSeed, w) & mask);
  }
  const buckets = new Uint32Array(counts.size);
  const values = new Float32Array(counts.size);
  let i = 0;
  for (const [b, c] of counts) {
    buckets[i] = b;
    values[i++] = c;
  }
  return { buckets, counts: values };
}

/** Truncate, normalise, join title and body. */
export function prepareText(input: TextInput, cfg: FeatureConfig): { title: string; main: string } {
  const title = normalizeText(input.title.slice(0, cfg.maxTitleChars));
  const body = normalizeText(input.body.slice(0, cfg.maxBodyChars));
  return { title, main: `${title} ${body}`.trim() };
}

export function extractRaw(input: TextInput, cfg: FeatureConfig): RawDoc {
  const { title, main } = prepareText(input, cfg);
  const empty = { buckets: new Uint32Array(0), counts: new Float32Array(0) };
  return {
    main: countBlock(main, SEED.mainChar, SEED.mainWord, cfg),
    title: cfg.titleWeight > 0 ? countBlock(title, SEED.titleChar, SEED.titleWord, cfg) : empty,
  };
}

/** A human-readable term behind a hashed feature, for explanations. */
export interface FeatureTerm {
  bucket: number;
  term: string;
  kind: 'word' | 'ngram';
}

/** The terms of one document with their buckets (slow path; used by explanations only). */
export function featureTerms(input: TextInput, cfg: FeatureConfig): { terms: FeatureTerm[]; words: string[] } {
  const mask = 2 ** cfg.hashBits - 1;
  const { title, main } = prepareText(input, cfg);
  const terms: FeatureTerm[] = [];
  const words: string[] = [];
  const blocks: Array<[string, number, number]> = [[main, SEED.mainChar, SEED.mainWord]];
  if (cfg.titleWeight > 0) blocks.push([title, SEED.titleChar, SEED.titleWord]);
  for (const [text, charSeed, wordSeed] of blocks) {
    for (const g of new Set(charNgrams(text, cfg.charNgramMin, cfg.charNgramMax))) {
      let h = charSeed;
      for (let i = 0; i < g.length; i++) h = Math.imul(h ^ g.charCodeAt(i), 0x01000193);
      terms.push({ bucket: fmix(h ^ g.length) & mask, term: g, kind: 'ngram' });
    }
    if (!cfg.useWords) continue;
    for (const w of new Set(segmentWords(text))) {
      if (w.length < 2) continue;
      words.push(w);
      terms.push({ bucket: hashString(wordSeed, w) & mask, term: w, kind: 'word' });
    }
  }
  return { terms, words };
}

/** Smooth idf ln((1+n)/(1+df)) + 1 over the kept features. */
export function smoothIdf(df: Float64Array | Uint32Array, nDocs: number): Float32Array {
  const idf = new Float32Array(df.length);
  for (let i = 0; i < df.length; i++) idf[i] = Math.log((1 + nDocs) / (1 + df[i])) + 1;
  return idf;
}

/** Maps a hash bucket to a kept feature index, or -1. */
export type FeatureIndex = Int32Array;

export function buildFeatureIndex(buckets: Uint32Array, hashBits: number): FeatureIndex {
  const index = new Int32Array(2 ** hashBits).fill(-1);
  for (let f = 0; f < buckets.length; f++) index[buckets[f]] = f;
  return index;
}

/** Sublinear tf × idf per block, title block scaled by titleWeight, whole vector l2-normalised. */
export function vectorize(raw: RawDoc, index: FeatureIndex, idf: Float32Array, titleWeight: number): SparseVector {
  const acc = new Map<number, number>();
  const addBlock = (block: SparseCounts, scale: number): void => {
    for (let i = 0; i < block.buckets.length; i++) {
      const f = index[block.buckets[i]];
      if (f < 0) continue;
      const v = scale * (1 + Math.log(block.counts[i])) * idf[f];
      acc.set(f, (acc.get(f) ?? 0) + v);
    }
  };
  addBlock(raw.main, 1);
  if (titleWeight > 0) addBlock(raw.title, titleWeight);
  const indices = new Int32Array(acc.size);
  const values = new Float32Array(acc.size);
  let norm = 0;
  for (const v of acc.values()) norm += v * v;
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  let i = 0;
  for (const [f, v] of acc) {
    indices[i] = f;
    values[i++] = v * inv;
  }
  return { indices, values };
}

/** Cosine similarity of two l2-normalised sparse vectors. */
export function cosine(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.indices.length <= b.indices.length ? [a, b] : [b, a];
  const lookup = new Map<number, number>();
  for (let i = 0; i < large.indices.length; i++) lookup.set(large.indices[i], large.values[i]);
  let dot = 0;
  for (let i = 0; i < small.indices.length; i++) dot += small.values[i] * (lookup.get(small.indices[i]) ?? 0);
  return dot;
}
