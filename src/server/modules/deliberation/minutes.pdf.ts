/**
 * A meeting's minutes as a PDF (A4 portrait), drawn on request with pdfkit in the CJK font the
 * certificates use (Noto Sans Hans, @embedpdf/fonts-sc, OFL-1.1; a subset of the glyphs used is
 * embedded): the meeting, the attendance summary, the quorum {rule, required, present, met} with the
 * rule's explanation, each motion's tally and result with its rule's explanation, and the minutes'
 * text. Chinese first, English second. `compress: false` leaves the content streams readable (tests).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import {
  MEETING_STATE_LABELS,
  MEETING_TYPE_LABELS,
  MOTION_KIND_LABELS,
  VOTE_METHOD_LABELS,
} from './deliberation.labels';
import type { MeetingView } from './deliberation.schema';
import { cst } from './meeting.export';

const FONTS = path.join(path.dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts');
const REGULAR = path.join(FONTS, 'NotoSansHans-Regular.otf');
const BOLD = path.join(FONTS, 'NotoSansHans-Bold.otf');
const INK = '#222222';
const GREY = '#666666';
const GREEN = '#1b7f3b';
const RED = '#b3261e';

/** How many signed in each way (code, staff, proxy), from the attendance sheet. */
export interface AttendanceSummary {
  code: number;
  staff: number;
  proxy: number;
}

export async function renderMinutes(
  m: MeetingView,
  a: AttendanceSummary,
  opts: { compress?: boolean; generatedAt: Date; place: string },
): Promise<Buffer> {
  const type = MEETING_TYPE_LABELS[m.meetingType];
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    compress: opts.compress ?? true,
    bufferPages: true,
    info: { Title: `${m.title} 会议纪要`, Author: opts.place, Subject: type.zh },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const width = doc.page.width - 112;
  const text = (s: string, size = 11, font = 'regular', color = INK) =>
    doc.font(font).fontSize(size).fillColor(color).text(s, { width, lineGap: 3 });
  const section = (zh: string, en: string) => {
    doc.moveDown(0.8);
    text(`${zh}  ${en}`, 14, 'bold');
    doc.moveDown(0.2);
  };
  const verdict = (met: boolean, yes: string, no: string) => text(met ? yes : no, 11, 'bold', met ? GREEN : RED);

  doc.font('bold').fontSize(20).fillColor(INK).text(`${m.title}`, { width, align: 'center' });
  doc.font('regular').fontSize(12).fillColor(GREY).text('会议纪要  Minutes of the meeting', { width, align: 'center' });
  doc.moveDown(0.5);
  text(`会议类型 Type：${type.zh}（${type.en}）`);
  text(`召开单位 Held by：${opts.place}`);
  text(`时间 Time：${cst(m.startsAt)}（北京时间 CST）    通知发布 Noticed：${cst(m.noticedAt)}`);
  if (m.location) text(`地点 Place：${m.location}`);
  text(`状态 State：${MEETING_STATE_LABELS[m.state].zh}（${MEETING_STATE_LABELS[m.state].en}）`);
  text(`议程 Agenda：${m.agenda}`);

  section('出席情况', 'Attendance');
  const t = m.turnout;
  text(
    `应到 ${t.members} 人，实到 ${t.present} 人（扫码签到 ${a.code}，工作人员登记 ${a.staff}，委托代理 ${a.proxy}）。`,
  );
  text(
    `Members ${t.members}, present ${t.present} (by code ${a.code}, entered by staff ${a.staff}, by proxy ${a.proxy}).`,
    10,
    'regular',
    GREY,
  );
  if (t.households) text(`户数 Households：应到 ${t.households}，到会 ${t.householdsPresent ?? 0}`);

  section('法定人数', 'Quorum');
  const q = m.quorum;
  text(`规则 Rule：${q.rule}    应达 Required：${q.required}    实有 Present：${q.present}`);
  verdict(q.met, '已达到法定人数  Quorum met', '未达到法定人数  Quorum not met');
  text(q.explanation.zh, 10);
  text(q.explanation.en, 9, 'regular', GREY);

  section('议题与表决', 'Motions and votes');
  if (!m.motions.length) text('（无议题 no motions）', 11, 'regular', GREY);
  for (const x of m.motions) {
    doc.moveDown(0.4);
    text(`${x.seq}. ${x.title}`, 12, 'bold');
    text(
      `${MOTION_KIND_LABELS[x.kind].zh}（${MOTION_KIND_LABELS[x.kind].en}） · ${VOTE_METHOD_LABELS[x.method].zh}（${VOTE_METHOD_LABELS[x.method].en}）`,
      10,
      'regular',
      GREY,
    );
    if (x.tally)
      text(
        `赞成 Yes ${x.tally.yes}   反对 No ${x.tally.no}   弃权 Abstain ${x.tally.abstain}` +
          (x.turnout ? `   （表决时实到 present when put ${x.turnout.present} / ${x.turnout.members}）` : ''),
      );
    if (x.result) {
      verdict(x.result.passed, '表决结果：通过  Passed', '表决结果：未通过  Not passed');
      text(`规则 Rule：${x.result.rule}`, 10);
      text(x.result.explanation.zh, 10);
      text(x.result.explanation.en, 9, 'regular', GREY);
    } else text('（尚未表决 not decided yet）', 10, 'regular', GREY);
  }

  section('会议记录', 'Minutes');
  text(m.minutes || '（无 none）');

  // footer on every page: when it was drawn, page n of N
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(GREY)
      .text(
        `生成于 Generated ${cst(opts.generatedAt)} CST · 第 ${i + 1} / ${range.count} 页 page`,
        56,
        doc.page.height - 36,
        { width, align: 'center', lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
