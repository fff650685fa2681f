/** Finding and showing people within scope; revealing a full identifier is audited. */
import type { Actor, UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import { maskIdNumber, maskPhone, normalizePhone } from '../../platform/crypto/masking';
import type { Deps } from '../../platform/deps';
import { AppError, unwrap } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, decodeCursor, mapPage, pageOf } from '../../platform/page';
import { parseIdNumber } from './id-number';
import { canReadPeopleAt, canRevealAt, peopleScopes, personActions } from './organisation.policy';
import { findHousehold } from './places.repo';
import * as repo from './people.repo';
import type { PeoplePage, PeopleQuery } from './organisation.schema';
import type { ResidentRecord } from './records';

/** Encrypts, indexes and masks a resident's identifiers (the ID number must already be valid). */
export function protectResident(crypto: FieldCrypto, r: ResidentRecord, isDemo = false): repo.StoredResident {
  const id = unwrap(parseIdNumber(r.idNumber));
  const phone = r.phone ? normalizePhone(r.phone) : null;
  return {
    householdCode: r.householdCode,
    name: r.name.trim(),
    relation: r.relation,
    gender: id.gender,
    birthDate: id.birthDate,
    isDemo,
    idCipher: crypto.encrypt(id.idNumber),
    idIndex: crypto.blindIndex('id', id.idNumber),
    idMasked: maskIdNumber(id.idNumber),
    phoneCipher: phone ? crypto.encrypt(phone) : null,
    phoneIndex: phone ? crypto.blindIndex('phone', phone) : null,
    phoneMasked: phone ? maskPhone(phone) : null,
  };
}

function readerScopes(actor: Actor, within?: string): string[] {
  const scopes = peopleScopes(actor);
  if (scopes.length === 0) throw new AppError('forbidden');
  if (!within) return scopes;
  if (scopes.some((s) => within.startsWith(s))) return [within];
  throw new AppError('not_found', { what: `division ${within}` });
}

/** One search box: an 18-character ID number, an 11-digit phone, or the start of a name. A page at a time. */
export async function searchPeople(deps: Deps, actor: Actor, query: PeopleQuery): Promise<PeoplePage> {
  const scopes = readerScopes(actor, query.scope);
  const q = query.q.trim();
  if (!q) throw new AppError('validation_failed', { summary: 'q: empty' });
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
  const after = query.cursor ? (decodeCursor(query.cursor, repo.PERSON_KEY) as string[]) : null;
  const id = parseIdNumber(q);
  const phone = normalizePhone(q);
  const by = id.ok
    ? { idIndex: deps.crypto.blindIndex('id', id.value.idNumber) }
    : phone
      ? { phoneIndex: deps.crypto.blindIndex('phone', phone) }
      : { name: q };
  const rows = await repo.searchPeople(deps.db, scopes, by, after, limit + 1);
  const people = mapPage(pageOf(rows, limit, repo.personKey), (p) => ({
    ...p,
    actions: personActions(actor, p.householdCode),
  }));
  return { matchedBy: id.ok ? 'idNumber' : phone ? 'phone' : 'name', ...people };
}

export async function getPerson(deps: Deps, actor: Actor, id: string) {
  const p = await repo.findPerson(deps.db, id);
  if (!p || !canReadPeopleAt(actor, p.householdCode)) throw new AppError('not_found', { what: `person ${id}` });
  return { ...p, actions: personActions(actor, p.householdCode) };
}

/** The full ID number or phone, for a pii_viewer in scope. Every reveal is in the audit trail. */
export async function revealPerson(deps: Deps, actor: UserActor, id: string, field: 'idNumber' | 'phone') {
  return deps.db.transaction(async (tx) => {
    const p = await repo.findPerson(tx, id);
    if (!p || !canReadPeopleAt(actor, p.householdCode)) throw new AppError('not_found', { what: `person ${id}` });
    if (!canRevealAt(actor, p.householdCode)) throw new AppError('forbidden');
    const c = (await repo.personCiphers(tx, id))!;
    const cipher = field === 'idNumber' ? c.idCipher : c.phoneCipher;
    const value = cipher ? deps.crypto.decrypt(cipher) : null;
    await audit(tx, actor, {
      action: 'people.reveal',
      entityType: 'resident',
      entityId: id,
      scopeCode: p.householdCode.slice(0, 15),
      after: { field },
    });
    return { field, value };
  });
}

export async function getHousehold(deps: Deps, actor: Actor, code: string) {
  const h = await findHousehold(deps.db, code);
  if (!h || !canReadPeopleAt(actor, code)) throw new AppError('not_found', { what: `household ${code}` });
  const members = await repo.householdMembers(deps.db, code);
  return { ...h, members: members.map((m) => ({ ...m, actions: personActions(actor, code) })) };
}
