/**
 * A certificate as a PDF (A4 landscape), drawn on request with pdfkit. The Chinese text is set in
 * Noto Sans Hans from @embedpdf/fonts-sc (OFL-1.1); pdfkit embeds a subset holding only the glyphs
 * used, so a certificate is ~100 KB. `compress: false` leaves the content streams readable (tests).
 */
import PDFDocument from 'pdfkit';
import { pdfBytes, registerCjkFonts } from '../../platform/pdf/pdf';
import type { CertificateText } from './certificates.domain';

const RED = '#b3261e';
const GOLD = '#c9a227';
const INK = '#222222';
const GREY = '#666666';

export async function renderCertificate(t: CertificateText, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    compress: opts.compress ?? true,
    info: { Title: `${t.heading} ${t.number}`, Author: t.issuingBody, Subject: t.honour },
  });
  return pdfBytes(doc, () => draw(doc, t));
}

function draw(doc: PDFKit.PDFDocument, t: CertificateText): void {
  registerCjkFonts(doc);
  const { width: W, height: H } = doc.page;

  // a red outer frame and a gold inner line
  doc
    .lineWidth(10)
    .strokeColor(RED)
    .rect(24, 24, W - 48, H - 48)
    .stroke();
  doc
    .lineWidth(1.5)
    .strokeColor(GOLD)
    .rect(42, 42, W - 84, H - 84)
    .stroke();

  const centred = (text: string, y: number, font: string, size: number, color: string) =>
    doc.font(font).fontSize(size).fillColor(color).text(text, 0, y, { width: W, align: 'center' });

  centred(t.county, 72, 'regular', 16, GREY);
  centred(t.heading, 98, 'bold', 54, RED);
  centred(t.headingEn, 170, 'regular', 12, GREY);

  const left = 110;
  const bodyWidth = W - 2 * left;
  doc.font('bold').fontSize(24).fillColor(INK).text(t.holder, left, 220, { width: bodyWidth });
  doc
    .font('regular')
    .fontSize(18)
    .fillColor(INK)
    .text(`${t.citation}${t.honour}`, left, 272, { width: bodyWidth, indent: 36, lineGap: 12 });

  const right = { x: W - 360, width: 250 };
  doc
    .font('bold')
    .fontSize(18)
    .fillColor(INK)
    .text(t.issuingBody, right.x, H - 170, { ...right, align: 'center' });
  doc
    .font('regular')
    .fontSize(16)
    .text(t.date, right.x, H - 140, { ...right, align: 'center' });

  doc.font('regular').fontSize(10).fillColor(GREY);
  doc.text(t.number, left, H - 98, { width: bodyWidth });
  doc.text(t.verification, left, H - 82, { width: bodyWidth });
}
