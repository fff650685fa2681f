/**
 * Phone and ID numbers typed into free text (a report's description, a note), masked for the
 * public: mainland mobiles (with or without +86 / 0086), landlines with their area code (and
 * 400/800 numbers), 18-digit ID numbers (last character X) and 15-digit old ones, also when
 * written with spaces, dashes, dots or brackets between digit groups or in full-width digits;
 * a 7–8 digit local number right after a word such as 电话 or 联系; and any unbroken run of 11 or
 * more digits (two numbers glued together, a bank card). Pure: staff views never call it.
 *
 * How: the text is read as digit groups separated by short runs of joiner characters; from each
 * group the longest chain of following groups whose digits form one of those numbers is replaced
 * by its masked form (138****5678, 071******21, 4210**********123X). Dates, times, amounts and case numbers
 * (421081-20261125-000042) form none of them and stay as they are.
 */
import { maskIdNumber, maskPhone } from './masking';

/** A run of digits; `xEnd` is past an X that follows it (else equal to `end`). */
interface Group {
  start: number;
  end: number;
  digits: string;
  x: boolean;
  xEnd: number;
}

const FULL_WIDTH_ZERO = 0xff10;
const isDigit = (ch: string) => (ch >= '0' && ch <= '9') || (ch >= '０' && ch <= '９');
const ascii = (ch: string) =>
  ch >= '０' && ch <= '９' ? String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_ZERO + 48) : ch;
/** What may stand between two digit groups of one number: spaces, dashes, dots, brackets, a plus. */
const JOINER = /^[\s\u00a0\u3000\-‐‑‒–—―－.．·・()（）+＋/]{1,3}$/;
const TRAILING_X = /^[\s\u00a0\u3000\-‐‑‒–—―－.．·・]{0,3}[XxＸｘ](?![A-Za-zＡ-Ｚａ-ｚ])/;
const CONTEXT = /(电话|手机|座机|联系|号码|热线|致电|拨打|tel|phone|call|mobile)[^0-9０-９]{0,6}$/i;

const MOBILE = /^(?:0086|86)?1[3-9]\d{9}$/;
const LANDLINE = /^(?:0[1-9]\d{1,2}[2-9]\d{6,7}|[48]00\d{7})$/;
const ID18 = /^\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]$/;
const ID15 = /^\d{8}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}$/;
const LOCAL = /^[2-9]\d{6,7}$/;
const MAX_DIGITS = 22;

function groupsOf(text: string): Group[] {
  const groups: Group[] = [];
  const chars = [...text];
  let offset = 0;
  let current: Group | null = null;
  for (const ch of chars) {
    if (isDigit(ch)) {
      if (!current) current = { start: offset, end: offset, digits: '', x: false, xEnd: offset };
      current.digits += ascii(ch);
      current.end = offset + ch.length;
    } else if (current) {
      groups.push(current);
      current = null;
    }
    offset += ch.length;
  }
  if (current) groups.push(current);
  for (const g of groups) {
    // An ID number's last character X, also when typed after a separator ("…123 X").
    const x = TRAILING_X.exec(text.slice(g.end, g.end + 5));
    g.x = !!x;
    g.xEnd = g.end + (x ? x[0].length : 0);
  }
  return groups;
}

type Kind = 'mobile' | 'id' | 'landline' | 'local' | 'long';

function kindOf(digits: string, withX: boolean, afterContextWord: boolean): Kind | null {
  if (withX) return ID18.test(`${digits}X`) ? 'id' : null;
  if (MOBILE.test(digits)) return 'mobile';
  if (ID18.test(digits) || ID15.test(digits)) return 'id';
  if (LANDLINE.test(digits)) return 'landline';
  if (afterContextWord && LOCAL.test(digits)) return 'local';
  return null;
}

function masked(kind: Kind, digits: string): string {
  switch (kind) {
    case 'mobile': {
      const prefix = digits.length > 11 ? digits.slice(0, digits.length - 11) : '';
      return `${prefix}${maskPhone(digits.slice(prefix.length))}`; // one piece, so a second pass leaves it alone
    }
    case 'id':
      return maskIdNumber(digits);
    case 'local':
      return `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
    case 'landline':
      return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 5)}${digits.slice(-2)}`;
    case 'long':
      return maskPhone(digits);
  }
}

interface Span {
  first: number;
  last: number;
  start: number;
  end: number;
  replacement: string;
}

/**
 * Left to right, from each group not yet taken, the longest chain of joined groups that is a
 * number of the kinds asked for. Local numbers (only after a context word) come in a second pass,
 * so they never take the first digits of a longer number.
 */
function scan(text: string, groups: Group[], local: boolean, taken: boolean[]): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < groups.length; i++) {
    if (taken[i]) continue;
    const afterContextWord = local && CONTEXT.test(text.slice(Math.max(0, groups[i].start - 12), groups[i].start));
    if (local && !afterContextWord) continue;
    let best: { j: number; kind: Kind; digits: string; withX: boolean } | null = null;
    let digits = '';
    for (let j = i; j < groups.length && !taken[j]; j++) {
      if (j > i && (groups[j - 1].x || !JOINER.test(text.slice(groups[j - 1].end, groups[j].start)))) break;
      digits += groups[j].digits;
      if (digits.length > MAX_DIGITS) break;
      const withX = groups[j].x && kindOf(digits, true, false) === 'id';
      const kind = kindOf(digits, withX, afterContextWord);
      // A local number is one or two groups ending in four or more digits (765 4321), never a date (2026-11-25).
      const localShape = j - i <= 1 && groups[j].digits.length >= 4;
      if (kind && (kind === 'local') === local && (!local || localShape))
        best = { j, kind, digits: withX ? `${digits}X` : digits, withX };
    }
    if (!best && !local && groups[i].digits.length >= 11)
      best = { j: i, kind: 'long', digits: groups[i].digits, withX: false };
    if (!best) continue;
    const last = groups[best.j];
    spans.push({
      first: i,
      last: best.j,
      start: groups[i].start,
      end: best.withX ? last.xEnd : last.end,
      replacement: masked(best.kind, best.digits),
    });
    for (let k = i; k <= best.j; k++) taken[k] = true;
    i = best.j;
  }
  return spans;
}

/** The text with every phone or ID number in it masked. */
export function maskContactNumbers(text: string): string {
  if (!/[0-9０-９]/.test(text)) return text;
  const groups = groupsOf(text);
  // Digits touching a '*' are the visible ends of a number masked already: never part of another.
  const taken = groups.map((g) => text[g.start - 1] === '*' || text[g.xEnd] === '*');
  const spans = [...scan(text, groups, false, taken), ...scan(text, groups, true, taken)].sort(
    (a, b) => a.start - b.start,
  );
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + s.replacement;
    at = s.end;
  }
  return out + text.slice(at);
}
