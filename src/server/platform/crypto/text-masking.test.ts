import { describe, expect, it } from 'vitest';
import { maskContactNumbers as mask } from './text-masking';

/** A small seeded generator (mulberry32), so a failure can be replayed from its seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)];
  const digits = (n: number) => Array.from({ length: n }, () => String(int(0, 9))).join('');
  return { next, int, pick, digits };
}
type Rng = ReturnType<typeof rng>;

const SEPARATORS = [' ', '-', '  ', ' - ', '.', '－', '—', '\u3000', '\u00a0', '·'];
const TEXT = [
  '楼道灯坏了',
  '，',
  '。',
  '请联系我',
  '我的手机',
  '身份证号',
  '电话：',
  ' ',
  '门口',
  '谢谢！',
  'call me on ',
  '（',
  '）',
  '\n',
];
const SAFE = [
  '421081-20261125-000042',
  '2026-11-25 09:30',
  '3000元',
  '5号楼2单元301室',
  '晚上8点',
  '2026年11月',
  '100米',
  '第3次',
  '12:30',
  '¥ 45.50',
  '2栋 1203',
  '3x4米',
];

const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
/** The digit strings a reader could put together: runs of digits and separators, each without its separators. */
const readable = (s: string) =>
  s
    .replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))
    .split(/[^0-9\s\u00a0\u3000\-‐‑‒–—―－.．·・()（）+＋/]+/)
    .map((run) => run.replace(/[^0-9]/g, ''));

function mobile(r: Rng) {
  return `1${r.pick(['3', '4', '5', '6', '7', '8', '9'])}${r.digits(9)}`;
}
function idNumber(r: Rng) {
  const birth = `${r.pick(['19', '20'])}${r.digits(2)}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}`;
  return `${r.int(11, 65)}${r.digits(4)}${birth}${r.digits(3)}${r.pick(['X', 'x', String(r.int(0, 9))])}`;
}
function landline(r: Rng) {
  return `0${r.int(1, 9)}${r.digits(r.int(1, 2))}${r.int(2, 9)}${r.digits(r.int(6, 7))}`;
}

/** Splits a number into 1–5 groups with random separators, sometimes in full-width digits. */
function written(r: Rng, n: string): string {
  const cuts = new Set<number>();
  for (let k = r.int(0, 4); k > 0; k--) cuts.add(r.int(1, n.length - 1));
  let out = '';
  for (let i = 0; i < n.length; i++) out += (cuts.has(i) ? r.pick(SEPARATORS) : '') + n[i];
  return r.next() < 0.2 ? fullWidth(out) : out;
}

describe('maskContactNumbers', () => {
  it('masks the plain forms', () => {
    expect(mask('我的电话13912345678，请回电')).toBe('我的电话139****5678，请回电');
    expect(mask('手机 139 1234 5678')).toBe('手机 139****5678');
    expect(mask('+86 139-1234-5678')).toBe('+86139****5678');
    expect(mask('身份证421081199001011234')).toBe('身份证4210**********1234');
    expect(mask('身份证 421081 19900101 123X 号')).toBe('身份证 4210**********123X 号');
    expect(mask('座机(0716)7654321转8')).toBe('座机(071******21转8');
    expect(mask('电话 765 4321')).toBe('电话 *****21');
    expect(mask('两个号码1391234567813987654321')).toBe('两个号码139***************4321');
    expect(mask('１３９１２３４５６７８')).toBe('139****5678');
  });

  it('leaves text without such numbers exactly as it is', () => {
    for (const s of [
      ...SAFE,
      '',
      '没有数字',
      '共3户，每户200元，合计600元',
      '编号 421081-20261125-000042 已办结',
      '2026-11-25T09:00:00+08:00',
    ]) {
      expect(mask(s), s).toBe(s);
    }
  });

  it('masks every generated mobile, landline and ID number, however it is written and whatever surrounds it', () => {
    for (let seed = 1; seed <= 1500; seed++) {
      const r = rng(seed);
      const kind = r.pick(['mobile', 'id', 'landline'] as const);
      const n = kind === 'mobile' ? mobile(r) : kind === 'id' ? idNumber(r) : landline(r);
      const typed = (kind === 'mobile' && r.next() < 0.2 ? r.pick(['+86 ', '86', '0086-']) : '') + written(r, n);
      const before = Array.from({ length: r.int(0, 3) }, () => r.pick([...TEXT, ...SAFE])).join('，');
      const after = Array.from({ length: r.int(0, 3) }, () => r.pick([...TEXT, ...SAFE])).join('，');
      // A number glued to other digits is another number (and an X glued to a word is a letter of it);
      // next to other text, or after a separator, it is this one.
      const glue = (side: string, options: string[]) =>
        /^[0-9０-９A-Za-z]/.test(side) ? options.filter(Boolean) : options;
      const text = `${before}${r.pick(glue(before.slice(-1), ['', ' ', '：', '，']))}${typed}${r.pick(glue(after.slice(0, 1), ['', ' ', '。', '，', '号']))}${after}`;
      const out = mask(text);
      const context = `seed ${seed}: ${JSON.stringify(text)} → ${JSON.stringify(out)}`;
      for (const run of readable(out)) expect(run, context).not.toContain(n.slice(3, -4));
      expect(out, context).toMatch(/\*{4,}/);
      expect(mask(out), context).toBe(out); // masking twice changes nothing more
      for (const s of SAFE) if (before.includes(s) && !/\d$/.test(before)) expect(out, context).toContain(s);
    }
  });

  it('never throws and never grows the text much, whatever it is given', () => {
    const alphabet = ['1', '3', '9', '0', '-', ' ', 'X', '（', '）', '电话', '+', '８', '\ud800', '😀', '\u0000', 'a'];
    for (let seed = 1; seed <= 2000; seed++) {
      const r = rng(seed);
      const s = Array.from({ length: r.int(0, 60) }, () => r.pick(alphabet)).join('');
      const out = mask(s);
      expect(out.length, s).toBeLessThanOrEqual(s.length + 8);
      expect(mask(out)).toBe(out);
    }
  });
});
