/** Who sits in the representatives' meeting and the two committees (村民代表, 村委会成员, 村党组织委员): registered by village staff. */
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { managesAt } from './deliberation.policy';
import { type Body, addBodyMembers, residentsIn } from './registers.repo';

export async function addMembers(
  deps: Deps,
  actor: Actor,
  input: { divisionCode: string; body: Body; residentIds: string[] },
): Promise<{ added: number }> {
  if (!managesAt(actor, input.divisionCode)) throw new AppError('forbidden');
  return deps.db.transaction(async (tx) => {
    const found = await residentsIn(tx, input.divisionCode, input.residentIds);
    const missing = input.residentIds.filter((id) => !found.includes(id));
    if (missing.length) throw new AppError('deliberation_not_registered_here', { ids: missing.join(', ') });
    const added = await addBodyMembers(tx, input.divisionCode, input.body, input.residentIds);
    await audit(tx, actor, {
      action: 'deliberation.body_member_add',
      entityType: 'division',
      entityId: input.divisionCode,
      scopeCode: input.divisionCode,
      after: { body: input.body, residentIds: input.residentIds, added },
    });
    return { added };
  });
}
