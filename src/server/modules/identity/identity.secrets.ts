/** Password hashing (argon2id) and TOTP (RFC 6238, otplib). */
import { hash, verify as verifyHash } from '@node-rs/argon2';
import { generateSecret, generateURI, generate as generateTotp, verify as verifyTotp } from 'otplib';

export async function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

let dummyHash: Promise<string> | undefined;

/** Verifies; for an unknown user verifies against a dummy hash so timing does not reveal existence. */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  const target = stored ?? (await (dummyHash ??= hashPassword('dummy-Password-1!')));
  const ok = await verifyHash(target, password).catch(() => false);
  return stored !== null && ok;
}

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: 'Cocreate 共同缔造', label: account, secret });
}

/** Returns the matched time step, or null. Rejects steps at or before `afterStep` (replay). */
export async function checkTotp(
  secret: string,
  token: string,
  now: Date,
  afterStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(token)) return null;
  const r = await verifyTotp({
    secret,
    token,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
  });
  // The matched period's start epoch identifies its time step (30 s periods).
  return r.valid ? Math.floor((r as { epoch: number }).epoch / 30) : null;
}

export async function currentTotp(secret: string, now: Date): Promise<string> {
  return generateTotp({ secret, epoch: Math.floor(now.getTime() / 1000) });
}
