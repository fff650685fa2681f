/**
 * Open311 use cases. Reads are public and limited to public cases; writes need a client's api key.
 * A new request goes through the same intake as the apps (validation, county outline, routing,
 * audit, notifications) as an anonymous report from that client; a client's update is only ever a
 * public note on the timeline — clients cannot move a case through the loop.
 */
import type { AnonymousActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { type Lang, unwrap } from '../../platform/errors';
import { findCategory, listCategories, type PreparedPhoto, preparePhoto, storePhoto, submitReport } from '../cases';
import { findDivision } from '../divisions';
import { findClientByKey, type Open311Client } from './open311.clients';
import {
  isOpen311Service,
  presentRequest,
  presentService,
  presentServiceDefinition,
  presentUpdate,
  selectStatuses,
  w3,
} from './open311.domain';
import {
  coerceAttributes,
  dateRange,
  type Fields,
  listParam,
  open311Error,
  parseCreate,
  parseMediaUrl,
} from './open311.input';
import type { UploadedFile } from './open311.multipart';
import {
  findCaseForNote,
  findOpen311Case,
  findPublicCase,
  findPublicCases,
  findPublicEvents,
  insertNote,
  MAX_RESULTS,
  type NoteTarget,
  type RequestFilter,
} from './open311.repo';
import { cutOptional, cutText } from '../../platform/text';

/** When this interface (services, definitions, formats) last changed in a way clients should notice. */
export const CHANGESET = '2026-11-25T00:00:00+08:00';
const MAX_NOTE = 2000;

type Query = Record<string, unknown>;
const single = (v: unknown): string | undefined => {
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' && s.trim() ? s.trim() : undefined;
};

/** This endpoint serves one county: jurisdiction_id may be left out or must be its division code. */
export async function checkJurisdiction(deps: Deps, jurisdictionId: string | undefined): Promise<void> {
  if (!jurisdictionId || jurisdictionId === deps.config.countyCode) return;
  const county = await findDivision(deps.db, deps.config.countyCode);
  throw open311Error('jurisdiction_not_found', {
    id: cutText(jurisdictionId, 40),
    county: `${county?.name ?? ''} ${deps.config.countyCode}`.trim(),
  });
}

export async function discovery(deps: Deps, endpointUrl: string, lang: Lang) {
  const county = (await findDivision(deps.db, deps.config.countyCode))?.name ?? deps.config.countyCode;
  return {
    changeset: CHANGESET,
    contact:
      lang === 'en'
        ? `The Cocreate administrators of ${county} (jurisdiction_id ${deps.config.countyCode})`
        : `${county}共同缔造智慧平台系统管理员（jurisdiction_id ${deps.config.countyCode}）`,
    key_service:
      lang === 'en'
        ? 'Ask the county system administrator for an api_key (issued with `npx cocreate open311 add-client --name NAME`). Reading needs no key.'
        : '向县级系统管理员申请 api_key（由 `npx cocreate open311 add-client --name 名称` 签发）；查询无需 api_key。',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: endpointUrl,
        changeset: CHANGESET,
        type: deps.config.usesDemoSecret ? 'test' : 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}

export async function listServices(deps: Deps, lang: Lang) {
  const all = await listCategories(deps.db);
  const byCode = new Map(all.map((c) => [c.code, c]));
  return all
    .filter(
      (c) =>
        isOpen311Service(c, c.parentCode ? byCode.get(c.parentCode) : undefined) &&
        (!c.parentCode || byCode.has(c.parentCode)),
    )
    .map((c) => presentService(c, c.parentCode ? byCode.get(c.parentCode) : undefined, lang));
}

async function findService(deps: Deps, code: string) {
  const category = /^[0-9A-Z]{1,10}$/.test(code) ? await findCategory(deps.db, code) : null;
  const major = category?.parentCode ? await findCategory(deps.db, category.parentCode) : null;
  if (!category || (category.parentCode && !major) || !isOpen311Service(category, major ?? undefined)) {
    throw open311Error('service_not_found', { code: cutText(code, 40) });
  }
  return category;
}

export async function getServiceDefinition(deps: Deps, code: string, lang: Lang) {
  return presentServiceDefinition(await findService(deps, code), lang);
}

async function requireClient(deps: Deps, f: Fields): Promise<Open311Client> {
  const key = f.get('api_key');
  if (!key) throw open311Error('api_key_missing');
  const client = await findClientByKey(deps.db, key);
  if (!client) throw open311Error('api_key_invalid');
  return client;
}

const shortTime = (d: Date) => w3(d).slice(0, 16).replace('T', ' ');

/** Every uploaded photo through the same checks as the apps' uploads, before anything is written. */
const preparePhotos = (files: readonly UploadedFile[]) =>
  Promise.all(files.map((f) => preparePhoto(f.data, f.name || f.field)));

/** The photos of a request or update become the case's report-step photos, shown to the public once staff approve them. */
async function attachPhotos(
  deps: Deps,
  photos: PreparedPhoto[],
  c: NoteTarget,
  client: Open311Client,
  ip: string | null,
) {
  for (const photo of photos) {
    await storePhoto(deps, photo, {
      caseId: c.id,
      state: c.state,
      divisionCode: c.divisionCode,
      stage: 'report',
      actor: { kind: 'anonymous', ip },
      actorId: null,
      actorLabel: `Open311 · ${client.name}`,
    });
  }
}

/**
 * POST requests: realtime — the case number comes back at once (no token needed). Photos in a
 * multipart body are checked first (a bad one refuses the request, nothing written), then stored
 * on the new case; media_url is kept as a link.
 */
export async function createRequest(
  deps: Deps,
  f: Fields,
  files: readonly UploadedFile[],
  ip: string | null,
  lang: Lang,
) {
  const client = await requireClient(deps, f);
  const input = unwrap(parseCreate(f));
  const category = await findService(deps, input.serviceCode);
  const photos = await preparePhotos(files);
  const actor: AnonymousActor = { kind: 'anonymous', ip };
  const { case: c } = await submitReport(
    deps,
    actor,
    {
      title: input.title,
      description: input.description,
      categoryCode: category.code,
      lng: input.lng,
      lat: input.lat,
      coordSystem: 'wgs84',
      address: input.address,
      extra: coerceAttributes(category.extraFields, f.attributes),
    },
    { source: 'open311', open311ClientId: client.id, mediaUrl: input.mediaUrl },
  );
  await attachPhotos(deps, photos, { id: c.id, state: c.state, divisionCode: c.divisionCode }, client, ip);
  const notice =
    lang === 'en'
      ? `Received as ${c.number}; the county will file or decline it by ${shortTime(c.responseDueAt)} (China Standard Time).`
      : `已收到，编号 ${c.number}，将于 ${shortTime(c.responseDueAt)} 前受理（立案或答复不予立案）。`;
  return [{ service_request_id: c.number, service_notice: notice }];
}

/** GET requests: service_request_id overrides every other filter; otherwise the last 90 days, at most 1000. */
export async function listRequests(deps: Deps, query: Query, lang: Lang, origin: string) {
  const numbers = listParam(query.service_request_id).slice(0, MAX_RESULTS);
  let filter: RequestFilter;
  if (numbers.length) filter = { numbers };
  else {
    const range = unwrap(dateRange(single(query.start_date), single(query.end_date), deps.clock.now()));
    const statuses = listParam(query.status);
    const status = statuses.length ? selectStatuses(statuses) : undefined;
    if (status === null) throw open311Error('status_invalid', { status: cutText(statuses.join(','), 80) });
    filter = { ...range, status, serviceCodes: listParam(query.service_code) };
  }
  return (await findPublicCases(deps.db, filter)).map((c) => presentRequest(c, lang, origin));
}

export async function getRequest(deps: Deps, number: string, lang: Lang, origin: string) {
  const c = await findPublicCase(deps.db, number);
  if (!c) throw open311Error('request_not_found', { id: cutText(number, 40) });
  return [presentRequest(c, lang, origin)];
}

/** Requests are created at once, so a token is the request's own id (for clients that poll tokens). */
export async function resolveToken(deps: Deps, token: string) {
  const c = await findOpen311Case(deps.db, token);
  if (!c) throw open311Error('token_not_found', { token: cutText(token, 40) });
  return [{ service_request_id: c.number, token }];
}

/** mySociety's GET servicerequestupdates: public steps of public cases, oldest first. */
export async function listUpdates(deps: Deps, query: Query, lang: Lang, origin: string) {
  const range = unwrap(dateRange(single(query.start_date), single(query.end_date), deps.clock.now()));
  return (await findPublicEvents(deps.db, range.start, range.end)).map((e) => presentUpdate(e, lang, origin));
}

/**
 * mySociety's POST servicerequestupdates: a public note from the client, with its photos (multipart)
 * or media_url. `status` is recorded for staff to read, never applied; names, e-mail and phone are not read.
 */
export async function postUpdate(deps: Deps, f: Fields, files: readonly UploadedFile[], ip: string | null) {
  const client = await requireClient(deps, f);
  const number = f.get('service_request_id');
  if (!number) throw open311Error('request_id_missing');
  const note = f.get('description');
  if (!note) throw open311Error('description_missing');
  if (note.length > MAX_NOTE) throw open311Error('description_too_long', { max: MAX_NOTE });
  const mediaUrl = unwrap(parseMediaUrl(f.get('media_url')));
  const photos = await preparePhotos(files);
  const now = deps.clock.now();
  const { c, eventId } = await deps.db.transaction(async (tx) => {
    const c = await findCaseForNote(tx, number);
    if (!c) throw open311Error('request_not_found', { id: cutText(number, 40) });
    const data = {
      source: 'open311',
      clientId: client.id,
      clientUpdateId: cutOptional(f.get('update_id'), 100) ?? null,
      requestedStatus: cutOptional(f.get('status'), 40) ?? null,
      ...(mediaUrl ? { mediaUrl } : {}),
    };
    const eventId = await insertNote(tx, c.id, {
      at: now,
      state: c.state,
      actorLabel: `Open311 · ${client.name}`,
      note,
      data,
    });
    await audit(
      tx,
      { kind: 'anonymous', ip },
      {
        action: 'open311.update',
        entityType: 'case',
        entityId: c.id,
        scopeCode: c.divisionCode,
        after: { eventId, ...data, photos: photos.length },
        label: `open311:${client.name}`,
      },
    );
    return { c, eventId };
  });
  await attachPhotos(deps, photos, c, client, ip);
  return [{ update_id: String(eventId) }];
}
