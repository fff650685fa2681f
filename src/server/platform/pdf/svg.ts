/**
 * Draws the SVG that ECharts renders on the server (`renderToSVGString()`) into a pdfkit document as
 * vector paths: the subset ECharts' SVG renderer writes for charts — <path d>, <rect>, <text> with
 * fill, stroke, stroke-width, opacity and a translate/matrix transform. Anything else (styles,
 * gradients, images) is left out. svg-to-pdfkit would do more; it is not a dependency.
 */

type Attrs = Record<string, string>;

const ELEMENT = /<(path|rect|text)\b([^>]*?)(?:\/>|>([^<]*)<\/text>|>)/g;
const ATTR = /([a-zA-Z_:-]+)="([^"]*)"/g;

function attrsOf(raw: string): Attrs {
  const out: Attrs = {};
  for (const m of raw.matchAll(ATTR)) out[m[1]] = m[2];
  return out;
}

/** translate(x y) or matrix(a,b,c,d,e,f) as a matrix; identity otherwise. */
function matrixOf(t: string | undefined): [number, number, number, number, number, number] {
  const n = (s: string) =>
    s
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
  const translate = t && /translate\(([^)]*)\)/.exec(t);
  if (translate) {
    const [x, y = 0] = n(translate[1]);
    return [1, 0, 0, 1, x, y];
  }
  const matrix = t && /matrix\(([^)]*)\)/.exec(t);
  if (matrix) {
    const [a, b, c, d, e, f] = n(matrix[1]);
    return [a, b, c, d, e, f];
  }
  return [1, 0, 0, 1, 0, 0];
}

const paint = (v: string | undefined) => (v && v !== 'none' && v !== 'transparent' ? v : null);
const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Draws `svg` with its top-left corner at (x, y); text in `font` (a registered CJK font). The element count. */
export function drawSvg(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, font: string): number {
  let drawn = 0;
  for (const m of svg.matchAll(ELEMENT)) {
    const [, tag, raw, content] = m;
    const a = attrsOf(raw);
    const fill = paint(a.fill);
    const stroke = paint(a.stroke);
    if (!fill && (!stroke || tag === 'text')) continue; // nothing to paint (and no path left open)
    doc.save();
    doc.translate(x, y);
    doc.transform(...matrixOf(a.transform));
    const opacity = Number(a.opacity ?? a['fill-opacity'] ?? 1);
    if (tag === 'text') {
      if (content === undefined) {
        doc.restore();
        continue;
      }
      const size = Number(/font-size:\s*([\d.]+)px/.exec(a.style ?? '')?.[1] ?? 12);
      const text = decode(content);
      doc
        .font(font)
        .fontSize(size)
        .fillColor(fill ?? '#000', opacity);
      const width = doc.widthOfString(text);
      const anchor = a['text-anchor'];
      const dx = Number(a.x ?? 0) - (anchor === 'middle' ? width / 2 : anchor === 'end' ? width : 0);
      const baseline = a['dominant-baseline'];
      const dy = Number(a.y ?? 0) - (baseline === 'central' || baseline === 'middle' ? size * 0.6 : size * 0.9);
      doc.text(text, dx, dy, { lineBreak: false });
    } else {
      if (tag === 'rect') {
        const [rx, ry, w, h] = ['x', 'y', 'width', 'height'].map((k) => Number(a[k] ?? 0));
        doc.rect(rx, ry, w, h);
      } else if (a.d) doc.path(a.d);
      else {
        doc.restore();
        continue;
      }
      if (stroke) doc.lineWidth(Number(a['stroke-width'] ?? 1)).strokeColor(stroke, Number(a['stroke-opacity'] ?? 1));
      if (fill) doc.fillColor(fill, opacity);
      if (fill && stroke) doc.fillAndStroke();
      else if (fill) doc.fill();
      else if (stroke) doc.stroke();
    }
    doc.restore();
    drawn++;
  }
  return drawn;
}
