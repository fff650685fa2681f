/**
 * The text of an uncompressed PDF written by pdfkit (`compress: false`), read back the way a viewer
 * does: each `/Fn size Tf` selects a font, each `[<hex> …] TJ` shows glyph ids, and the font's
 * ToUnicode CMap turns them back into characters. Only what pdfkit writes (Identity-H Type0 fonts,
 * bfrange arrays and bfchar entries) is understood; it needs nothing outside npm (no poppler).
 */
const objects = (pdf: string): Map<string, string> => {
  const out = new Map<string, string>();
  for (const m of pdf.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) out.set(m[1], m[2]);
  return out;
};

const hexChars = (hex: string) =>
  String.fromCodePoint(...(hex.replace(/\s/g, '').match(/.{4}/g) ?? []).map((h) => Number.parseInt(h, 16)));

/** glyph id (4 hex digits, lower case) → the text it stands for. */
function parseCMap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1].matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(\[[^\]]*\]|<[0-9a-f\s]+>)/gi)) {
      const start = Number.parseInt(m[1], 16);
      const end = Number.parseInt(m[2], 16);
      const targets = [...m[3].matchAll(/<([0-9a-f\s]+)>/gi)].map((t) => t[1]); // <0066 0069>: a ligature
      for (let g = start; g <= end; g++) {
        const target =
          targets.length > 1
            ? hexChars(targets[g - start])
            : String.fromCodePoint(Number.parseInt(targets[0], 16) + g - start);
        map.set(g.toString(16).padStart(4, '0'), target);
      }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of block[1].matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi)) map.set(m[1].toLowerCase(), hexChars(m[2]));
  return map;
}

/** Every text shown, one string per TJ, in content order. */
export function pdfText(buffer: Buffer): string[] {
  const pdf = buffer.toString('latin1');
  const objs = objects(pdf);
  const fonts = new Map<string, Map<string, string>>(); // resource name → its CMap
  for (const m of pdf.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const font = objs.get(m[2]) ?? '';
    const cmapRef = /\/ToUnicode (\d+) 0 R/.exec(font);
    if (cmapRef) fonts.set(m[1], parseCMap(objs.get(cmapRef[1]) ?? ''));
  }
  const shown: string[] = [];
  for (const stream of pdf.matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
    let current: Map<string, string> | undefined;
    for (const op of stream[1].matchAll(/\/(F\d+) [\d.]+ Tf|\[((?:<[0-9a-f]*>|\s|-?[\d.]+)*)\] TJ/gi)) {
      if (op[1]) current = fonts.get(op[1]);
      else if (current) {
        const glyphs = [...op[2].matchAll(/<([0-9a-f]*)>/gi)].flatMap((h) => h[1].match(/.{4}/g) ?? []);
        shown.push(glyphs.map((g) => current?.get(g.toLowerCase()) ?? '\uFFFD').join(''));
      }
    }
  }
  return shown;
}
