/** Revealing who reported a case (匿名上报 included): a personal-data viewer in scope, every look audited. */
import type { UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { findReadableCase } from './case-scope.repo';
import { canRevealReporter, caseReadScope } from './cases.policy';
import { reporterPhoneCipher } from './cases.repo';

export interface RevealedReporter {
  reporterId: string | null;
  name: string | null;
  phone: string | null;
  anonymous: boolean;
}

export async function revealReporter(deps: Deps, actor: UserActor, caseId: string): Promise<RevealedReporter> {
  return deps.db.transaction(async (tx) => {
    const c = await findReadableCase(tx, caseId, caseReadScope(actor));
    if (!c) throw new AppError('not_found', { what: `case ${caseId}` });
    if (!canRevealReporter(actor, c)) throw new AppError('forbidden');
    const cipher = await reporterPhoneCipher(tx, c.id);
    await audit(tx, actor, {
      action: 'cases.reveal_reporter',
      entityType: 'case',
      entityId: c.id,
      scopeCode: c.divisionCode,
      after: { number: c.number, anonymous: c.anonymous },
    });
    return {
      reporterId: c.reporterId,
      name: c.reporterName,
      phone: cipher ? deps.crypto.decrypt(cipher) : null,
      anonymous: c.anonymous,
    };
  });
}
