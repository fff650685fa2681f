/**
 * 荣誉证书 (issue #16): once a selection's results are final, the staff running it issue a
 * certificate to each winner of the final ranking (one action, audited; issuing again adds only
 * what is missing). The PDF is drawn on request: staff who read the selection download any, a
 * resident their own; anyone checks a printed certificate by its number (the holder's name masked).
 */
import type { Actor, UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { AppError, unwrap } from '../../platform/errors';
import { maskName } from '../care';
import {
  certificateNumber,
  certificateText,
  certificateYear,
  requireFinal,
  winnersToCertify,
} from './certificates.domain';
import * as repo from './certificates.repo';
import { personOfUser } from './nominees.repo';
import { rankingOf } from './ranking.repo';
import { canReadAt, isStaff, managesAt } from './selections.policy';
import { readableSelection } from './selections.service';

/** The public address where a certificate's number is checked (printed on the certificate). */
export const verifyPath = (number: string) => `/api/public/selection-certificates/${encodeURIComponent(number)}`;

const view = (c: repo.CertificateRow) => ({
  number: c.number,
  selectionId: c.selectionId,
  selectionTitle: c.selectionTitle,
  kind: c.kind,
  subject: c.subject,
  divisionName: c.divisionName,
  nomineeId: c.nomineeId,
  name: c.name,
  placeName: c.placeName,
  rank: c.rank,
  issuedAt: c.issuedAt,
});

export async function issueCertificates(deps: Deps, actor: UserActor, id: string) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const { s } = await readableSelection(tx, actor, id, true); // the lock serialises issuing
    if (!managesAt(actor, s.divisionCode)) throw new AppError('forbidden');
    unwrap(requireFinal(s));
    const [ranking, existing] = await Promise.all([rankingOf(tx, id, s.rankingRevision), repo.certificatesOf(tx, id)]);
    const todo = winnersToCertify(ranking, new Set(existing.map((c) => c.nomineeId)));
    if (todo.length > 0) {
      const year = certificateYear(now);
      const first = await repo.reserveNumbers(tx, year, todo.length);
      const rows = todo.map((w, i) => ({ ...w, number: certificateNumber(year, first + i) }));
      await repo.insertCertificates(tx, id, rows, actor.userId, now);
      await audit(tx, actor, {
        action: 'selections.certify',
        entityType: 'selection',
        entityId: id,
        scopeCode: s.divisionCode,
        after: { revision: s.rankingRevision, certificates: rows },
      });
    }
    return { issued: todo.length, items: (await repo.certificatesOf(tx, id)).map(view) };
  });
}

export async function listCertificates(deps: Deps, actor: Actor, id: string) {
  await readableSelection(deps.db, actor, id);
  return { items: (await repo.certificatesOf(deps.db, id)).map(view) };
}

/** A certificate the actor may download: staff reading its selection, or the resident it honours; else 404. */
async function downloadable(deps: Deps, actor: UserActor, number: string): Promise<repo.CertificateRow> {
  const c = await repo.certificateByNumber(deps.db, number);
  const missing = new AppError('selection_certificate_not_found', { number });
  if (!c) throw missing;
  if (isStaff(actor) && canReadAt(actor, c.divisionCode)) return c;
  const person = actor.userKind === 'resident' ? await personOfUser(deps.db, actor.userId) : null;
  if (person && c.residentId === person.residentId) return c;
  throw missing;
}

/** The certificate's PDF; `origin` (the site's address as the request reached it) prefixes the verification link. */
export async function certificatePdf(
  deps: Deps,
  actor: UserActor,
  number: string,
  origin: string,
  opts: { compress?: boolean } = {},
): Promise<{ number: string; pdf: Buffer }> {
  const c = await downloadable(deps, actor, number);
  const text = certificateText(
    {
      number: c.number,
      countyName: c.countyName,
      selectionTitle: c.selectionTitle,
      kind: c.kind,
      subject: c.subject,
      holderName: c.name,
      rank: c.rank,
      issuingBody: c.divisionName,
      issuedAt: c.issuedAt,
    },
    `${origin}${verifyPath(c.number)}`,
  );
  const { renderCertificate } = await import('./certificate.pdf'); // pdfkit takes ~0.3 s to load: on first use, not at start-up
  return { number: c.number, pdf: await renderCertificate(text, opts) };
}

/** The public check of a printed certificate: a person's name masked, the selection and the date. */
export async function verifyCertificate(deps: Deps, number: string) {
  const c = await repo.certificateByNumber(deps.db, number);
  if (!c) throw new AppError('selection_certificate_not_found', { number });
  return {
    number: c.number,
    valid: true as const,
    name: c.subject === 'person' ? maskName(c.name) : c.name,
    subject: c.subject,
    selectionTitle: c.selectionTitle,
    kind: c.kind,
    rank: c.rank,
    issuingBody: c.divisionName,
    issuedAt: c.issuedAt,
  };
}

/** 我的荣誉: the certificates of the register person the resident's account belongs to. */
export async function myCertificates(deps: Deps, actor: UserActor) {
  const person = await personOfUser(deps.db, actor.userId);
  if (!person) return { items: [] };
  return { items: (await repo.certificatesOfHolder(deps.db, { residentId: person.residentId })).map(view) };
}

/** The honours of a person or a party organisation for the console: those of selections the actor reads. */
export async function honoursOf(
  deps: Deps,
  actor: UserActor,
  holder: { residentId: string } | { partyOrgCode: string },
) {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const rows = await repo.certificatesOfHolder(deps.db, holder);
  return { items: rows.filter((c) => canReadAt(actor, c.divisionCode)).map(view) };
}
