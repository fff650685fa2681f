/**
 * What every PDF the server draws shares (pdfkit): the CJK font — Noto Sans Hans from
 * @embedpdf/fonts-sc (OFL-1.1), installed with the project, embedded as a subset of the glyphs used —
 * and collecting a document into one Buffer.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type PDFDocument from 'pdfkit';

const FONTS = path.join(path.dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts');
export const CJK_REGULAR = path.join(FONTS, 'NotoSansHans-Regular.otf');
export const CJK_BOLD = path.join(FONTS, 'NotoSansHans-Bold.otf');

/** Registers the fonts as 'regular' and 'bold'. */
export function registerCjkFonts(doc: PDFKit.PDFDocument): void {
  doc.registerFont('regular', CJK_REGULAR);
  doc.registerFont('bold', CJK_BOLD);
}

/** The document's bytes once `draw` has drawn it (the caller does not call `end`). */
export async function pdfBytes(doc: InstanceType<typeof PDFDocument>, draw: () => void): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  draw();
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
