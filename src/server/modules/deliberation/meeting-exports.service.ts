/**
 * A meeting's exports: the attendance (签到表) and the tallies as xlsx, the minutes as PDF. Whoever
 * reads the meeting may export it; names are in full for the place's managers (who keep the 签到表)
 * and masked (张**) for readers above them. Every export is audited (what, masked or not).
 */
import type { Writable } from 'node:stream';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { maskName } from '../care';
import { findDivision } from '../divisions';
import { canReadAt, managesAt } from './deliberation.policy';
import { writeAttendanceXlsx, writeTalliesXlsx } from './meeting.export';
import { meetingView } from './meeting.view';
import * as repo from './meetings.repo';
import { renderMinutes } from './minutes.pdf';

export type MeetingExportKind = 'attendance' | 'tallies' | 'minutes';

/** Reads the meeting (404 out of scope), records the export in the audit trail, and hands over what to write. */
async function prepare(deps: Deps, actor: Actor, id: string, kind: MeetingExportKind) {
  return deps.db.transaction(async (tx) => {
    const m = await repo.meetingById(tx, id);
    if (!m || !canReadAt(actor, m.divisionCode)) throw new AppError('not_found');
    const masked = !managesAt(actor, m.divisionCode);
    const view = await meetingView(tx, actor, m);
    const lines = kind === 'tallies' ? [] : await repo.attendanceSheet(tx, id);
    await audit(tx, actor, {
      action: 'deliberation.meeting_export',
      entityType: 'meeting',
      entityId: id,
      scopeCode: m.divisionCode,
      after: { kind, masked, rows: kind === 'tallies' ? view.motions.length : lines.length },
    });
    return { m, view, lines, masked };
  });
}

/** The attendance or the tallies as an xlsx workbook streamed into `out` (after the audit row is committed). */
export async function meetingXlsx(deps: Deps, actor: Actor, id: string, kind: 'attendance' | 'tallies') {
  const { view, lines, masked } = await prepare(deps, actor, id, kind);
  return {
    filename: `meeting-${id.slice(0, 8)}-${kind}.xlsx`,
    write: (out: Writable) =>
      kind === 'attendance'
        ? writeAttendanceXlsx(view, lines, masked ? maskName : (n) => n, out)
        : writeTalliesXlsx(view, out),
  };
}

/** The minutes as a PDF: the attendance summary, the quorum, each motion's tally and result with its rule. */
export async function minutesPdf(deps: Deps, actor: Actor, id: string, opts: { compress?: boolean } = {}) {
  const { m, view, lines } = await prepare(deps, actor, id, 'minutes');
  const count = (via: 'code' | 'staff' | 'proxy') => lines.filter((l) => l.via === via).length;
  const division = await findDivision(deps.db, m.divisionCode);
  const council = m.councilId ? await repo.councilBody(deps.db, m.councilId) : null;
  const place = [division?.name ?? m.divisionCode, council?.name].filter(Boolean).join(' · ');
  const pdf = await renderMinutes(
    view,
    { code: count('code'), staff: count('staff'), proxy: count('proxy') },
    { compress: opts.compress, generatedAt: deps.clock.now(), place },
  );
  return { filename: `meeting-${id.slice(0, 8)}-minutes.pdf`, pdf };
}
