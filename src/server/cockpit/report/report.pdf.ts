/**
 * The monthly report (月度报告, #17 item 4) as a PDF (A4 portrait, pdfkit, Noto Sans Hans embedded):
 * a title page (place, month, periods compared, the panels and which have data), then every ready
 * panel: its figures with the previous period and the same month last year, each followed by the
 * 台账 (ledger) and records (drill) it is traceable to; its rankings as tables; its series as charts.
 * The charts are ECharts rendered on the server to SVG (`ssr: true`, `renderToSVGString()`), drawn
 * into the PDF as vector paths by platform/pdf/svg.ts (svg-to-pdfkit is not a dependency); should
 * that draw nothing, the bars are drawn with pdfkit's own paths from the same data.
 */
import PDFDocument from 'pdfkit';
import { pdfBytes, registerCjkFonts } from '../../platform/pdf/pdf';
import { drawSvg } from '../../platform/pdf/svg';
import type { CockpitAnswer, CockpitFigure, CockpitPanel, CockpitRanking, CockpitSeries } from '../cockpit.schema';

const RED = '#b3261e';
const INK = '#1f1f1f';
const GREY = '#6b6b6b';
const LIGHT = '#e6e6e6';
const BAR = '#c0392b';
const M = 50; // margin
const RANKING_ROWS = 10;

/** A value as the report prints it ('—' when it cannot be computed). */
export function formatValue(value: number | null, unit: CockpitFigure['unit']): string {
  if (value === null) return '—';
  switch (unit) {
    case 'percent':
      return `${value.toFixed(1)}%`;
    case 'hours':
      return `${value.toFixed(1)} 小时`;
    case 'yuan':
      return `¥${value.toLocaleString('en', { maximumFractionDigits: 2 })}`;
    default:
      return value.toLocaleString('en', { maximumFractionDigits: 1 });
  }
}

/** 2026-11 → 2026年11月 */
export const monthTitle = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

export async function renderMonthlyReport(
  a: CockpitAnswer,
  month: string,
  opts: { compress?: boolean } = {},
): Promise<{ pdf: Buffer; pages: number }> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: M, bottom: M, left: M, right: M },
    bufferPages: true,
    compress: opts.compress ?? true,
    info: { Title: `${a.place.name} ${monthTitle(month)} 共同缔造月度报告`, Subject: `Monthly report ${month}` },
  });
  const charts = await chartSvgs(a);
  let pages = 0;
  const pdf = await pdfBytes(doc, () => {
    registerCjkFonts(doc);
    new Report(doc, a, month, charts).draw();
    pages = doc.bufferedPageRange().count;
  });
  return { pdf, pages };
}

const CHART = { width: 495, height: 170 };

/** Each series (by panel and key) as ECharts' server-side SVG: bars per day, value axis, date labels. */
async function chartSvgs(a: CockpitAnswer): Promise<Map<string, string>> {
  const series = a.panels.filter((p) => p.status === 'ready').flatMap((p) => p.series.map((s) => ({ p, s })));
  const out = new Map<string, string>();
  if (series.length === 0) return out;
  const echarts = await import('echarts');
  for (const { p, s } of series) {
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...CHART });
    try {
      chart.setOption({
        animation: false,
        grid: { left: 40, right: 8, top: 12, bottom: 24 },
        xAxis: {
          type: 'category',
          data: s.points.map((x) => x.date.slice(5)),
          axisLabel: { fontSize: 8, color: GREY },
          axisTick: { alignWithLabel: true },
        },
        yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 8, color: GREY } },
        series: [{ type: 'bar', data: s.points.map((x) => x.value), itemStyle: { color: BAR }, barMaxWidth: 18 }],
      });
      out.set(`${p.key}/${s.key}`, chart.renderToSVGString());
    } finally {
      chart.dispose();
    }
  }
  return out;
}

class Report {
  private readonly W: number;
  private readonly bottom: number;
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly a: CockpitAnswer,
    private readonly month: string,
    private readonly charts: Map<string, string>,
  ) {
    this.W = doc.page.width - 2 * M;
    this.bottom = doc.page.height - M - 14; // the footer's line
  }

  draw(): void {
    this.titlePage();
    for (const p of this.a.panels.filter((x) => x.status === 'ready')) this.panel(p);
    this.footers();
  }

  /** A new page unless `h` points still fit. */
  private ensure(h: number): void {
    if (this.doc.y + h > this.bottom) this.doc.addPage();
  }

  private text(t: string, x: number, y: number, font: 'regular' | 'bold', size: number, color: string, o = {}) {
    this.doc
      .font(font)
      .fontSize(size)
      .fillColor(color)
      .text(t, x, y, { lineBreak: false, ...o });
  }

  private titlePage(): void {
    const { doc, a, W } = this;
    doc.rect(0, 0, doc.page.width, 12).fill(RED);
    this.text(a.place.name, M, 150, 'bold', 34, INK, { width: W, align: 'center' });
    this.text('共同缔造 月度报告', M, 205, 'bold', 28, RED, { width: W, align: 'center' });
    this.text(`${monthTitle(this.month)} · Monthly report ${this.month}`, M, 250, 'regular', 14, GREY, {
      width: W,
      align: 'center',
    });
    const lines = [
      `统计期间 Period: ${a.period.from} — ${a.period.to}`,
      `上期 Previous: ${a.previous.from} — ${a.previous.to}`,
      `去年同期 Last year: ${a.lastYear.from} — ${a.lastYear.to}`,
      `区划代码 Division code: ${a.place.code}`,
      `生成时间 Generated: ${a.generatedAt.slice(0, 16).replace('T', ' ')} UTC`,
    ];
    for (const [i, l] of lines.entries()) this.text(l, M + 60, 320 + i * 18, 'regular', 11, INK);

    this.text('内容 Contents', M + 60, 440, 'bold', 13, INK);
    let y = 462;
    for (const p of a.panels) {
      const ready = p.status === 'ready';
      this.text(`${p.title.zh}  ${p.title.en}`, M + 60, y, 'regular', 10.5, ready ? INK : GREY);
      this.text(
        ready ? '见正文 see below' : '尚无数据 no data yet',
        M + W - 200,
        y,
        'regular',
        10.5,
        ready ? INK : GREY,
        {
          width: 140,
          align: 'right',
        },
      );
      y += 17;
      if (y > this.bottom - 80) break;
    }
    doc
      .font('regular')
      .fontSize(9)
      .fillColor(GREY)
      .text(
        '每个数字后注明其台账（xlsx 导出，API 路径）与明细（控制台 /admin 路径），可逐项核对。尚无数据的板块：其模块在本地没有记录，不以零代替。\n' +
          'Each figure names the 台账 (xlsx export, an API path) and the records (console path under /admin) it comes from. ' +
          'A panel without data has no records here: it is not shown as zeros.',
        M + 60,
        Math.max(y + 16, this.bottom - 70),
        { width: W - 120 },
      );
  }

  private panel(p: CockpitPanel): void {
    const { doc } = this;
    doc.addPage();
    const y = doc.y;
    doc.rect(M, y, 4, 34).fill(RED);
    this.text(p.title.zh, M + 12, y - 2, 'bold', 16, INK);
    this.text(p.title.en, M + 12, y + 22, 'regular', 9, GREY);
    doc.y = y + 48;
    if (p.figures.length) this.figures(p.figures);
    for (const r of p.rankings) this.ranking(r);
    for (const s of p.series) this.chart(s, this.charts.get(`${p.key}/${s.key}`));
    doc.x = M;
  }

  private figures(figures: CockpitFigure[]): void {
    const { doc, W } = this;
    const cols = [
      { label: '指标 Figure', x: M, w: 190 },
      { label: '本期 This month', x: M + 190, w: 100 },
      { label: '上期 Previous', x: M + 290, w: 100 },
      { label: '去年同期 Last year', x: M + 390, w: W - 390 },
    ];
    const header = () => {
      const y = doc.y;
      doc.rect(M, y, W, 18).fill('#f3f3f3');
      for (const c of cols)
        this.text(c.label, c.x + 4, y + 4, 'bold', 8.5, INK, {
          width: c.w - 8,
          align: c === cols[0] ? 'left' : 'right',
        });
      doc.y = y + 24;
    };
    header();
    for (const f of figures) {
      const trace = [f.ledger ? `台账 Ledger: ${f.ledger}` : null, f.drill ? `明细 Records: /admin${f.drill}` : null]
        .filter(Boolean)
        .join('\n');
      doc.font('regular').fontSize(6.5);
      const traceH = trace ? doc.heightOfString(trace, { width: W - 8 }) + 2 : 0;
      const h = 26 + traceH;
      if (doc.y + h > this.bottom) {
        doc.addPage();
        header();
      }
      const y = doc.y;
      this.text(f.label.zh, M + 4, y, 'bold', 10, INK, { width: cols[0].w - 8 });
      this.text(f.label.en, M + 4, y + 13, 'regular', 7, GREY, { width: cols[0].w - 8 });
      [f.value, f.previous, f.lastYear].forEach((v, i) => {
        const c = cols[i + 1];
        this.text(
          formatValue(v, f.unit),
          c.x + 4,
          y + 2,
          i === 0 ? 'bold' : 'regular',
          i === 0 ? 11 : 10,
          i === 0 ? INK : GREY,
          {
            width: c.w - 8,
            align: 'right',
          },
        );
      });
      if (trace)
        doc
          .font('regular')
          .fontSize(6.5)
          .fillColor(GREY)
          .text(trace, M + 4, y + 24, { width: W - 8 });
      doc
        .moveTo(M, y + h - 2)
        .lineTo(M + W, y + h - 2)
        .lineWidth(0.5)
        .strokeColor(LIGHT)
        .stroke();
      doc.y = y + h + 2;
    }
    doc.y += 10;
  }

  private ranking(r: CockpitRanking): void {
    const { doc, W } = this;
    const rows = r.rows.slice(0, RANKING_ROWS);
    this.ensure(44 + Math.max(1, rows.length) * 15);
    const top = doc.y;
    this.text(`${r.label.zh}  ${r.label.en}`, M, top, 'bold', 11, INK);
    const y = top + 18;
    const cols = { rank: M + 4, name: M + 60, value: M + W - 124 };
    doc.rect(M, y, W, 16).fill('#f3f3f3');
    this.text('名次 Rank', cols.rank, y + 4, 'bold', 8, INK);
    this.text('名称 Name', cols.name, y + 4, 'bold', 8, INK);
    this.text('值 Value', cols.value, y + 4, 'bold', 8, INK, { width: 120, align: 'right' });
    doc.y = y + 20;
    if (rows.length === 0) {
      const y0 = doc.y;
      this.text('本期没有 None this month', cols.name, y0, 'regular', 9, GREY);
      doc.y = y0 + 15;
    }
    rows.forEach((row, i) => {
      const y = doc.y;
      this.text(String(i + 1), cols.rank, y, 'regular', 9, INK);
      this.text(`${row.name}（${row.code}）`, cols.name, y, 'regular', 9, INK, { width: cols.value - cols.name - 8 });
      this.text(formatValue(row.value, r.unit), cols.value, y, 'regular', 9, INK, { width: 120, align: 'right' });
      doc.y = y + 15;
    });
    const end = doc.y;
    if (r.rows.length > rows.length)
      this.text(
        `另有 ${r.rows.length - rows.length} 项 and ${r.rows.length - rows.length} more`,
        cols.name,
        end,
        'regular',
        8,
        GREY,
      );
    doc.y = end + 22;
  }

  /** The series' ECharts SVG, or (none drawn) bars with pdfkit's own paths. */
  private chart(s: CockpitSeries, svg: string | undefined): void {
    const { doc } = this;
    this.ensure(CHART.height + 50);
    const title = doc.y;
    this.text(`${s.label.zh}  ${s.label.en}`, M, title, 'bold', 11, INK);
    const top = title + 20;
    if (svg && drawSvg(doc, svg, M, top, 'regular') > 0) {
      doc.y = top + CHART.height + 14;
      return;
    }
    this.bars(s, top);
  }

  /** Bars per point with the axis, the highest value and the first, middle and last dates. */
  private bars(s: CockpitSeries, top: number): void {
    const { doc, W } = this;
    const H = 150;
    const left = M + 36;
    const width = W - 40;
    const values = s.points.map((p) => p.value ?? 0);
    const max = Math.max(1, ...values);
    doc.lineWidth(0.6).strokeColor(GREY);
    doc
      .moveTo(left, top)
      .lineTo(left, top + H)
      .lineTo(left + width, top + H)
      .stroke();
    for (const f of [0.5, 1]) {
      const y = top + H - H * f;
      doc
        .moveTo(left, y)
        .lineTo(left + width, y)
        .lineWidth(0.3)
        .strokeColor(LIGHT)
        .stroke();
      this.text(formatValue(max * f, s.unit), M - 4, y - 4, 'regular', 7, GREY, { width: 36, align: 'right' });
    }
    const step = width / Math.max(1, s.points.length);
    s.points.forEach((p, i) => {
      const h = ((p.value ?? 0) / max) * H;
      if (h > 0) doc.rect(left + i * step + step * 0.15, top + H - h, step * 0.7, h).fill(BAR);
    });
    const marks = [...new Set([0, Math.floor((s.points.length - 1) / 2), s.points.length - 1])].filter((i) => i >= 0);
    for (const i of marks)
      this.text(s.points[i].date.slice(5), left + i * step + step / 2 - 20, top + H + 4, 'regular', 7, GREY, {
        width: 40,
        align: 'center',
      });
    doc.y = top + H + 24;
  }

  private footers(): void {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let i = 0; i < range.count; i++) {
      doc.switchToPage(range.start + i);
      doc.page.margins.bottom = 0; // text below the bottom margin would otherwise open a page
      const y = doc.page.height - M + 10;
      this.text(
        `${this.a.place.name} ${monthTitle(this.month)} 共同缔造月度报告 · 第 ${i + 1} / ${range.count} 页`,
        M,
        y,
        'regular',
        8,
        GREY,
        { width: this.W, align: 'center' },
      );
    }
  }
}
