/**
 * 上报: a report becomes a case. Validated, located (report-location: GPS, map pick or registered
 * household, never a silent default; GCJ-02 converted to WGS-84), checked inside the county,
 * routed with a rule trace, given its response deadline, audited, staff notified through the outbox — all in one atomic statement, shared with the reports that
 * arrive at the same time (intake.writer); the acknowledgement comes after the commit. An
 * Idempotency-Key makes a retried submission return the same case.
 */
import type { Actor } from '../../platform/actor';
import { randomUUID } from 'node:crypto';
import { auditRecord } from '../../platform/audit/audit';
import { prepareAudit } from '../../platform/audit/audit.batch';
import { dueAt } from '../../platform/calendar/working-time';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { cutText } from '../../platform/text';
import { cachedCategory } from './categories.service';
import { formatCaseNumber, takeCaseSequences } from './case-numbers';
import { checkExtra } from './extra-fields';
import { limitWindowStart, prepareCase } from './intake.repo';
import { type PreparedReport, writeReport } from './intake.writer';
import { triagersMessage } from './notify';
import { type LocationInput, resolveLocation } from './report-location';
import { route } from './routing';
import { nameTrace, traceCodes } from './trace-names';
import { traceNames } from './trace-names.repo';
import { ANONYMOUS_LABEL } from './reporter-privacy';
import type { Urgency } from './taxonomy';

export interface ReportInput extends LocationInput {
  title?: string;
  description: string;
  categoryCode: string;
  address?: string;
  urgency?: Urgency;
  anonymous?: boolean;
  extra?: Record<string, unknown>;
  /** Staff entering a report on behalf of a resident (logged). */
  onBehalfOf?: { name: string; phone?: string };
}

export interface IntakeMeta {
  /** 'visit': a need found on a 九必问 visit, filed by the grid worker on the resident's behalf (care). */
  source: 'app' | 'console' | 'open311' | 'phone' | 'visit';
  idempotencyKey?: string;
  open311ClientId?: string;
  /** A link to the reporter's photo elsewhere (Open311 media_url), kept on the report's first step. */
  mediaUrl?: string;
}

export async function submitReport(deps: Deps, actor: Actor, input: ReportInput, meta: IntakeMeta) {
  return writeReport(deps, await prepareReport(deps, actor, input, meta));
}

/** A report checked, located, routed, numbered and built into its statement input, ready for the writer. */
export async function prepareReport(
  deps: Deps,
  actor: Actor,
  input: ReportInput,
  meta: IntakeMeta,
): Promise<PreparedReport> {
  const reporter = actor.kind === 'user' ? actor : null;
  if (!reporter && meta.source !== 'open311') throw new AppError('unauthenticated');
  const category = await cachedCategory(deps.db, input.categoryCode);
  if (!category || !category.active || category.kind === 'major')
    throw new AppError('unknown_category', { code: input.categoryCode });
  const extra = checkExtra(category, input.extra ?? {});
  const countyCode = deps.config.countyCode;
  const {
    lng,
    lat,
    source: locationSource,
    where,
    address: registeredAddress,
  } = await resolveLocation(deps, actor, input, meta.source === 'open311');
  const decision = route(category, where, countyCode);
  const now = deps.clock.now();
  const staffEntry = !!input.onBehalfOf && reporter?.userKind === 'staff';
  // an anonymous report's timeline names no reporter (reporter-privacy masks the reporter's own steps when shown)
  const onBehalfLabel = input.anonymous ? ANONYMOUS_LABEL : input.onBehalfOf?.name;
  const actorLabel = staffEntry
    ? `${reporter!.displayName}（代 ${onBehalfLabel} 上报）`
    : (reporter?.displayName ?? 'Open311');
  const id = randomUUID();
  const [seq] = await takeCaseSequences(deps.db, 1);
  const number = formatCaseNumber(countyCode, now, seq);
  const title = input.title?.trim() || cutText(input.description.trim(), 30);
  const submitter = reporter?.userId ?? meta.open311ClientId ?? null;
  const write = prepareCase({
    id,
    number,
    case: {
      title,
      description: input.description.trim(),
      categoryCode: category.code,
      extra,
      urgency: input.urgency ?? 'normal',
      lng,
      lat,
      address: input.address?.trim() || registeredAddress,
      locationSource,
      gridCode: where.gridCode,
      divisionCode: where.gridCode ?? where.divisionCode,
      tier: decision.tier,
      state: 'received',
      handlerUserId: null,
      handlerDepartment: decision.target.kind === 'department' ? decision.target.departmentCode : null,
      reporterId: staffEntry ? null : (reporter?.userId ?? null),
      reporterName: staffEntry ? input.onBehalfOf!.name : (reporter?.displayName ?? null),
      reporterContact: staffEntry && input.onBehalfOf!.phone ? deps.crypto.encrypt(input.onBehalfOf!.phone) : null,
      enteredBy: staffEntry ? reporter!.userId : null,
      anonymous: input.anonymous ?? false,
      source: meta.source,
      open311ClientId: meta.open311ClientId ?? null,
      isPublic: category.isPublic,
      idempotencyKey: meta.idempotencyKey ?? null,
      ruleTrace: nameTrace(decision.trace, await traceNames(deps.db, traceCodes(decision.trace))),
      receivedAt: now,
      responseDueAt: dueAt(now, category.timeLimits.response, deps.config.officeHours),
    },
    event: {
      at: now,
      actorId: reporter?.userId ?? null,
      actorLabel,
      type: 'receive',
      fromState: null,
      toState: 'received',
      note: null,
      data: {
        source: meta.source,
        trace: decision.trace.map((t) => t.rule),
        ...(meta.mediaUrl ? { mediaUrl: meta.mediaUrl } : {}),
      },
      isPublic: true,
    },
    followerId: reporter && !staffEntry ? reporter.userId : null,
    outbox: triagersMessage({ id, number, title }),
    check: submitter ? { submitter, limited: !!reporter, since: limitWindowStart(now) } : undefined,
  });
  const audit = prepareAudit({
    ...auditRecord(actor, {
      action: staffEntry ? 'cases.report_on_behalf' : 'cases.report',
      entityType: 'case',
      entityId: id,
      scopeCode: where.gridCode ?? where.divisionCode,
      after: {
        number,
        category: category.code,
        tier: decision.tier,
        source: meta.source,
        onBehalfOf: staffEntry ? input.onBehalfOf!.name : undefined,
      },
    }),
    at: now,
  });
  return { write, submitter, idempotencyKey: meta.idempotencyKey ?? null, limited: !!reporter, audit };
}
