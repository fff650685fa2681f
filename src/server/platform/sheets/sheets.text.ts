/** Text normalisation shared by header matching and cell parsing. Pure. */
import { cutText } from '../text';
import type { LocalText } from './sheets.types';

/** Full-width ASCII variants (ＡＢ０１（）－) and the ideographic space become half-width. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** Length in characters as people count them (code points, so 𠮷 counts once). */
export function charLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** A value quoted in an error message, cut so a huge cell cannot blow up the report. */
export function quote(text: string): string {
  const cut = charLength(text) > 40 ? `${cutText(text, 40)}…` : text;
  return `“${cut}”`;
}

/**
 * Key used to compare header texts: NFKC (full-width brackets, letters and ＊ become half-width),
 * lower case, no whitespace, and no required-column mark (`*`) at either end.
 */
export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/^\*+|\*+$/g, '');
}

/** Header text as found in a file, on one line, for error reports. */
export function displayHeader(text: string): string {
  return text
    .trim()
    .split(/\s*[\r\n]+\s*/)
    .join(' / ');
}

export function text(zh: string, en: string): LocalText {
  return { zh, en };
}
