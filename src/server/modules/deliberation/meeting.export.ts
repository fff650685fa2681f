/**
 * A meeting's ledgers as xlsx (台账), streamed: the attendance (签到表: each person on the roster, how and
 * when they signed in, the proxy holder; names masked unless the reader manages the place) and the
 * tallies per motion (with the turnout when put, the rule and its explanation). Headers Chinese then English.
 */
import type { Writable } from 'node:stream';
import { xlsxWriter } from '../../platform/sheets';
import { MOTION_KIND_LABELS, MOTION_STATE_LABELS, VOTE_METHOD_LABELS } from './deliberation.labels';
import type { MeetingView } from './deliberation.schema';
import type { AttendanceLine } from './meetings.repo';

const VIA: Record<NonNullable<AttendanceLine['via']>, string> = {
  code: '扫码签到 code',
  staff: '工作人员登记 staff',
  proxy: '委托代理 proxy',
};

/** China Standard Time, minutes (the meeting's own clock). */
export const cst = (d: Date | string) =>
  new Date(new Date(d).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

type Name = (name: string) => string;

export async function writeAttendanceXlsx(
  m: MeetingView,
  lines: readonly AttendanceLine[],
  name: Name,
  out: Writable,
): Promise<void> {
  const wb = await xlsxWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet('签到表 Attendance');
  ws.columns = [
    { header: '序号 No.', key: 'n', width: 8 },
    { header: '姓名 Name', key: 'name', width: 14 },
    { header: '户号 Household', key: 'household', width: 24 },
    { header: '表决权 Votes', key: 'voting', width: 12 },
    { header: '到会 Present', key: 'present', width: 10 },
    { header: '签到方式 How', key: 'via', width: 18 },
    { header: '签到时间 Time (CST)', key: 'at', width: 18 },
    { header: '代理人 Proxy holder', key: 'proxy', width: 16 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const [i, l] of lines.entries())
    ws.addRow({
      n: i + 1,
      name: name(l.name),
      household: l.householdCode,
      voting: l.voting ? '有 yes' : '无 no',
      present: l.present ? '是 yes' : '否 no',
      via: l.via ? VIA[l.via] : '',
      at: l.signedAt ? cst(l.signedAt) : '',
      proxy: l.proxyHolderName ? name(l.proxyHolderName) : '',
    }).commit();
  const total = ws.addRow({
    name: '合计 Total',
    present: `${m.turnout.present} / ${m.turnout.members}`,
    via: m.quorum.met ? '达到法定人数 quorum met' : '未达到法定人数 no quorum',
  });
  total.font = { bold: true };
  total.commit();
  ws.commit();
  await wb.commit();
}

export async function writeTalliesXlsx(m: MeetingView, out: Writable): Promise<void> {
  const wb = await xlsxWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet('表决 Tallies');
  ws.columns = [
    { header: '序号 No.', key: 'seq', width: 8 },
    { header: '议题 Motion', key: 'title', width: 30 },
    { header: '事项 Kind', key: 'kind', width: 16 },
    { header: '方式 Method', key: 'method', width: 18 },
    { header: '状态 State', key: 'state', width: 14 },
    { header: '应到 Members', key: 'members', width: 10 },
    { header: '实到 Present', key: 'present', width: 10 },
    { header: '赞成 Yes', key: 'yes', width: 10 },
    { header: '反对 No', key: 'no', width: 10 },
    { header: '弃权 Abstain', key: 'abstain', width: 10 },
    { header: '结果 Result', key: 'result', width: 14 },
    { header: '规则 Rule', key: 'rule', width: 26 },
    { header: '说明 Explanation', key: 'explanation', width: 80 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const x of m.motions)
    ws.addRow({
      seq: x.seq,
      title: x.title,
      kind: `${MOTION_KIND_LABELS[x.kind].zh} ${MOTION_KIND_LABELS[x.kind].en}`,
      method: `${VOTE_METHOD_LABELS[x.method].zh} ${VOTE_METHOD_LABELS[x.method].en}`,
      state: `${MOTION_STATE_LABELS[x.state].zh} ${MOTION_STATE_LABELS[x.state].en}`,
      members: x.turnout?.members ?? null,
      present: x.turnout?.present ?? null,
      yes: x.tally?.yes ?? null,
      no: x.tally?.no ?? null,
      abstain: x.tally?.abstain ?? null,
      result: x.result ? (x.result.passed ? '通过 passed' : '未通过 not passed') : '',
      rule: x.result?.rule ?? '',
      explanation: x.result ? `${x.result.explanation.zh}\n${x.result.explanation.en}` : '',
    }).commit();
  ws.commit();
  await wb.commit();
}
