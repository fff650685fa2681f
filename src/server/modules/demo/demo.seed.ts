/** Creates the demo accounts (idempotent). Every row is flagged is_demo so production refuses it. */
import { auditSystem } from '../../platform/audit/audit';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import { maskPhone } from '../../platform/crypto/masking';
import type { Database } from '../../platform/db/db';
import { insertAssignment } from '../access';
import { departmentCode } from '../divisions';
import { findUserByPhoneIndex, findUserByUsername, hashPassword, insertUser, setTotp } from '../identity';
import { DEMO_COUNTY, DEMO_PASSWORD, DEMO_RESIDENTS, DEMO_STAFF } from './demo.accounts';

export async function seedDemoAccounts(db: Database, crypto: FieldCrypto, countyCode = DEMO_COUNTY): Promise<number> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.ownerTransaction(async (tx) => {
    let created = 0;
    for (const s of DEMO_STAFF) {
      if (await findUserByUsername(tx, s.username)) continue;
      const id = await insertUser(tx, {
        kind: 'staff',
        username: s.username,
        displayName: s.displayName,
        passwordHash,
        isDemo: true,
      });
      if (s.totpSecret) await setTotp(tx, id, crypto.encrypt(s.totpSecret), true, null);
      await insertAssignment(tx, {
        userId: id,
        role: s.role,
        scopeCode: s.scopeCode,
        grantedBy: null,
        departmentCode: s.departmentKey ? departmentCode(countyCode, s.departmentKey) : null,
      });
      created++;
    }
    for (const r of DEMO_RESIDENTS) {
      const phoneIndex = crypto.blindIndex('phone', r.phone);
      if (await findUserByPhoneIndex(tx, phoneIndex)) continue;
      const id = await insertUser(tx, {
        kind: 'resident',
        displayName: r.displayName,
        phoneCipher: crypto.encrypt(r.phone),
        phoneIndex,
        phoneMasked: maskPhone(r.phone),
        homeDivisionCode: r.homeDivisionCode,
        isDemo: true,
      });
      for (const role of r.roles)
        await insertAssignment(tx, {
          userId: id,
          role,
          scopeCode: r.homeDivisionCode,
          departmentCode: null,
          grantedBy: null,
        });
      created++;
    }
    if (created > 0) {
      await auditSystem(tx, 'demo-seed', {
        action: 'demo.seed_accounts',
        entityType: 'user',
        scopeCode: countyCode,
        after: { created },
      });
    }
    return created;
  });
}
