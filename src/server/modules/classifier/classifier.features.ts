/**
 * Text features for the report classifier (归类): jieba words and character n-grams of normalised
 * text (classifier.text.ts), feature hashing, and TF-IDF (sublinear tf, l2 norm). Pure.
 */
import { blockWords, normalizeText, tokenSpans, type TokenSpan } from './classifier.text';

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

/** True when the input has nothing to classify (empty or whitespace/punctuation only). */
export function isBlankInput(input: TextInput): boolean {
  return normalizeText(`${input.title} ${input.body}`) === '';
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

// Scratch space reused across calls (single-threaded, no awaits inside): avoids a Map per document.
let countScratch = new Float32Array(0);
const touched: number[] = [];

/**
 * Counts the n-grams and words of one block. Without `index` the keys are hash buckets (training);
 * with it they are the model's feature indices and unknown buckets are skipped (prediction).
 */
function countBlock(
  text: string,
  words: readonly string[],
  charSeed: number,
  wordSeed: number,
  cfg: FeatureConfig,
  index?: FeatureIndex,
): SparseCounts {
  const mask = 2 ** cfg.hashBits - 1;
  if (countScratch.length <= mask) countScratch = new Float32Array(mask + 1);
  const counts = countScratch;
  touched.length = 0;
  const len = text.length;
  for (let i = 0; i < len; i++) {
    if (text.charCodeAt(i) === 32) continue;
    let h = charSeed;
    for (let n = 1; n <= cfg.charNgramMax && i + n <= len; n++) {
      const c = text.charCodeAt(i + n - 1);
      if (c === 32) break;
      h = Math.imul(h ^ c, 0x01000193);
      if (n < cfg.charNgramMin) continue;
      const b = index ? index[fmix(h ^ n) & mask] : fmix(h ^ n) & mask;
      if (b < 0) continue;
      if (counts[b] === 0) touched.push(b);
      counts[b] += 1;
    }
  }
  for (const w of words) {
    if (w.length < 2) continue;
    const b = index ? index[hashString(wordSeed, w) & mask] : hashString(wordSeed, w) & mask;
    if (b < 0) continue;
    if (counts[b] === 0) touched.push(b);
    counts[b] += 1;
  }
  const buckets = Uint32Array.from(touched);
  const values = new Float32Array(buckets.length);
  for (let i = 0; i < buckets.length; i++) {
    values[i] = counts[buckets[i]];
    counts[buckets[i]] = 0;
  }
  return { buckets, counts: values };
}

/** Truncate, normalise, join title and body; the title is a prefix of `main`. */
export function prepareText(input: TextInput, cfg: FeatureConfig): { title: string; main: string } {
  const title = normalizeText(input.title.slice(0, cfg.maxTitleChars));
  const body = normalizeText(input.body.slice(0, cfg.maxBodyChars));
  return { title, main: `${title} ${body}`.trim() };
}

const EMPTY_COUNTS: SparseCounts = { buckets: new Uint32Array(0), counts: new Float32Array(0) };

/**
 * Hashed counts of prepared text (see prepareText). With a feature index the result is keyed by
 * feature index (use IDENTITY_INDEX when vectorising it), which skips unknown features early.
 */
export function extractPrepared(
  prepared: { title: string; main: string },
  cfg: FeatureConfig,
  index?: FeatureIndex,
): RawDoc {
  const { title, main } = prepared;
  const { mainWords, titleWords } = blockWords(title, main, cfg.useWords);
  return {
    main: countBlock(main, mainWords, SEED.mainChar, SEED.mainWord, cfg, index),
    title:
      cfg.titleWeight > 0 ? countBlock(title, titleWords, SEED.titleChar, SEED.titleWord, cfg, index) : EMPTY_COUNTS,
  };
}

export function extractRaw(input: TextInput, cfg: FeatureConfig): RawDoc {
  return extractPrepared(prepareText(input, cfg), cfg);
}

/** Where a hashed feature occurs in the prepared text (offsets into `main`; the title is its prefix). */
export interface FeatureOccurrence {
  bucket: number;
  start: number;
  end: number;
  kind: 'word' | 'ngram';
}

/** Every feature occurrence of a document plus its jieba tokens (slow path, for explanations). */
export function featureOccurrences(
  prepared: { title: string; main: string },
  cfg: FeatureConfig,
): { occurrences: FeatureOccurrence[]; tokens: TokenSpan[] } {
  const mask = 2 ** cfg.hashBits - 1;
  const { title, main } = prepared;
  const tokens = tokenSpans(main);
  const occurrences: FeatureOccurrence[] = [];
  const blocks: Array<[string, number, number]> = [[main, SEED.mainChar, SEED.mainWord]];
  if (cfg.titleWeight > 0) blocks.push([title, SEED.titleChar, SEED.titleWord]);
  for (const [text, charSeed, wordSeed] of blocks) {
    for (let i = 0; i < text.length; i++) {
      for (let n = cfg.charNgramMin; n <= cfg.charNgramMax && i + n <= text.length; n++) {
        const gram = text.slice(i, i + n);
        if (gram.includes(' ')) break;
        let h = charSeed;
        for (let j = 0; j < n; j++) h = Math.imul(h ^ gram.charCodeAt(j), 0x01000193);
        occurrences.push({ bucket: fmix(h ^ n) & mask, start: i, end: i + n, kind: 'ngram' });
      }
    }
    if (!cfg.useWords) continue;
    for (const t of tokens) {
      if (t.end > text.length || t.text.length < 2) continue;
      occurrences.push({ bucket: hashString(wordSeed, t.text) & mask, start: t.start, end: t.end, kind: 'word' });
    }
  }
  return { occurrences, tokens };
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

// Scratch for vectorize: position of a feature in the output, or -1 (reset after each call).
let positionScratch = new Int32Array(0);
let valueScratch = new Float64Array(0);

const SUBLINEAR = Float64Array.from({ length: 64 }, (_, c) => (c === 0 ? 0 : 1 + Math.log(c)));
const sublinear = (c: number): number => (c < 64 ? SUBLINEAR[c] : 1 + Math.log(c));

/** Pass as `index` to vectorize counts that are already keyed by feature index. */
export const IDENTITY_INDEX: FeatureIndex | null = null;

/** Sublinear tf × idf per block, title block scaled by titleWeight, whole vector l2-normalised. */
export function vectorize(
  raw: RawDoc,
  index: FeatureIndex | null,
  idf: Float32Array,
  titleWeight: number,
): SparseVector {
  if (positionScratch.length < idf.length) positionScratch = new Int32Array(idf.length).fill(-1);
  const maxLength = raw.main.buckets.length + raw.title.buckets.length;
  if (valueScratch.length < maxLength) valueScratch = new Float64Array(maxLength * 2);
  const position = positionScratch;
  const values = valueScratch;
  const indices = new Int32Array(maxLength);
  let n = 0;
  const addBlock = (block: SparseCounts, scale: number): void => {
    for (let i = 0; i < block.buckets.length; i++) {
      const f = index ? index[block.buckets[i]] : block.buckets[i];
      if (f < 0) continue;
      const v = scale * sublinear(block.counts[i]) * idf[f];
      const at = position[f];
      if (at >= 0) values[at] += v;
      else {
        position[f] = n;
        indices[n] = f;
        values[n++] = v;
      }
    }
  };
  addBlock(raw.main, 1);
  if (titleWeight > 0) addBlock(raw.title, titleWeight);
  let norm = 0;
  for (let i = 0; i < n; i++) norm += values[i] * values[i];
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = values[i] * inv;
    position[indices[i]] = -1;
  }
  return { indices: indices.slice(0, n), values: out };
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
