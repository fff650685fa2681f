import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { HEADER_ZH, households } from './sheets.fixtures';
import { importRows } from './sheets.import';

const ROWS = 100_000;

/** A CSV generated on the fly, in 64 KiB-ish chunks: the whole file never exists in memory. */
function generatedCsv(): { stream: Readable; bytes: () => number } {
  let bytes = 0;
  function* chunks(): Generator<Buffer> {
    let buf = `${HEADER_ZH}\r\n`;
    for (let i = 0; i < ROWS; i++) {
      const id = `421081${String(19_000_000_000 + i).padStart(11, '0')}X`;
      buf += `H${String(i).padStart(8, '0')},户主${i % 1000},${id},${(i % 7) + 1},${(i % 500) + 0.5},${i % 2 ? '是' : '否'},2024/${(i % 12) + 1}/${(i % 28) + 1},${i % 3 ? '农村' : 'urban'},138${String(i).padStart(8, '0')}\r\n`;
      if (buf.length > 60_000) {
        const b = Buffer.from(buf);
        bytes += b.length;
        yield b;
        buf = '';
      }
    }
    const b = Buffer.from(buf);
    bytes += b.length;
    yield b;
  }
  return { stream: Readable.from(chunks()), bytes: () => bytes };
}

describe('streaming', () => {
  it(`imports a ${ROWS.toLocaleString('en')}-row CSV with bounded memory (its speed: bench/register-import.bench.ts)`, async () => {
    const file = generatedCsv();
    const used = (): number => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const before = used();
    let peak = before;
    let rows = 0;
    let membersSum = 0;
    let lastRow = 0;
    const result = await importRows(
      households,
      { kind: 'csv', stream: file.stream },
      {
        mode: 'valid-only',
        batchSize: 1000,
        onBatch: async (batch) => {
          rows += batch.length;
          for (const r of batch) membersSum += r.values.members;
          lastRow = batch.at(-1)!.rowNumber;
          peak = Math.max(peak, used());
        },
      },
    );
    expect(result.fileErrors).toEqual([]);
    expect(result.errorCount).toBe(0);
    expect(rows).toBe(ROWS);
    expect(lastRow).toBe(ROWS + 1);
    expect(membersSum).toBe(Array.from({ length: ROWS }, (_, i) => (i % 7) + 1).reduce((a, b) => a + b, 0));
    expect(file.bytes()).toBeGreaterThan(7_000_000); // ~8 MB of CSV went through
    expect(peak - before).toBeLessThan(100 * 1024 * 1024);
  });
});
