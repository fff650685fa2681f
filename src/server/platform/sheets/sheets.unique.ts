/**
 * Memory-lean duplicate detection for unique columns: each value is kept only as a 64-bit hash with
 * the row that first had it, in typed arrays (about 16 bytes per value instead of ~90 for a Map of
 * strings). Two different values share a hash with probability ~n²/2⁶⁵: for 560,000 rows, 1e-8.
 */

/** Two 32-bit lanes of a fast non-cryptographic string hash (cyrb53's mixer, all 64 bits kept). */
export function hash64(value: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/** Open-addressing hash table: value hash -> first row number (row numbers are > 0; 0 marks a free slot). */
export class FirstRowIndex {
  private high: Uint32Array;
  private low: Uint32Array;
  private rows: Int32Array;
  private used = 0;

  constructor(capacity = 1024) {
    this.high = new Uint32Array(capacity);
    this.low = new Uint32Array(capacity);
    this.rows = new Int32Array(capacity);
  }

  get size(): number {
    return this.used;
  }

  /** The row that first had `value`; if none did, records `rowNumber` and returns undefined. */
  firstOrAdd(value: string, rowNumber: number): number | undefined {
    const [high, low] = hash64(value);
    const found = this.probe(high, low);
    if (this.rows[found] !== 0) return this.rows[found];
    this.high[found] = high;
    this.low[found] = low;
    this.rows[found] = rowNumber;
    if (++this.used * 4 > this.rows.length * 3) this.grow();
    return undefined;
  }

  private probe(high: number, low: number): number {
    const mask = this.rows.length - 1;
    let i = low & mask;
    while (this.rows[i] !== 0 && (this.high[i] !== high || this.low[i] !== low)) i = (i + 1) & mask;
    return i;
  }

  private grow(): void {
    const { high, low, rows } = this;
    this.high = new Uint32Array(rows.length * 2);
    this.low = new Uint32Array(rows.length * 2);
    this.rows = new Int32Array(rows.length * 2);
    for (let i = 0; i < rows.length; i++) {
      if (rows[i] === 0) continue;
      const slot = this.probe(high[i]!, low[i]!);
      this.high[slot] = high[i]!;
      this.low[slot] = low[i]!;
      this.rows[slot] = rows[i]!;
    }
  }
}
