/**
 * Personal data at rest (ID numbers, phones, TOTP secrets): SM4-CTR for confidentiality with an
 * HMAC-SM3 tag over iv and ciphertext (encrypt-then-MAC), and an HMAC-SM3 blind index for exact
 * lookup without decryption. Keys are derived from the configured secret with HKDF-SM3, one per
 * purpose, so the blind-index key never encrypts and the encryption key never indexes.
 */
import {
  createCipheriv,
  createHash,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

const VERSION = 'v1';

export interface FieldCrypto {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Deterministic keyed index for exact-match lookup; `domain` separates e.g. phones from IDs. */
  blindIndex(domain: string, value: string): string;
}

function derive(secret: string, info: string, length: number): Buffer {
  return Buffer.from(hkdfSync('sm3', Buffer.from(secret, 'utf8'), Buffer.from('cocreate'), Buffer.from(info), length));
}

export function createFieldCrypto(secret: string): FieldCrypto {
  const encKey = derive(secret, 'field-encryption-sm4', 16);
  const macKey = derive(secret, 'field-mac-sm3', 32);
  const indexKey = derive(secret, 'blind-index-sm3', 32);

  const mac = (iv: Buffer, ct: Buffer) => createHmac('sm3', macKey).update(VERSION).update(iv).update(ct).digest();

  return {
    encrypt(plain) {
      const iv = randomBytes(16);
      const cipher = createCipheriv('sm4-ctr', encKey, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${VERSION}:${Buffer.concat([iv, ct, mac(iv, ct)]).toString('base64')}`;
    },
    decrypt(stored) {
      const [version, body] = stored.split(':');
      if (version !== VERSION || !body) throw new Error('unknown ciphertext format');
      const raw = Buffer.from(body, 'base64');
      if (raw.length < 48) throw new Error('ciphertext too short');
      const iv = raw.subarray(0, 16);
      const tag = raw.subarray(raw.length - 32);
      const ct = raw.subarray(16, raw.length - 32);
      if (!timingSafeEqual(tag, mac(iv, ct))) throw new Error('ciphertext authentication failed');
      const decipher = createDecipheriv('sm4-ctr', encKey, iv);
      return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
    },
    blindIndex(domain, value) {
      return createHmac('sm3', indexKey).update(domain).update('\u0000').update(value).digest('hex');
    },
  };
}

/** SM3 digest as hex (audit chain, token hashes). */
export function sm3Hex(...parts: string[]): string {
  const hash = createHash('sm3');
  for (const p of parts) hash.update(p, 'utf8');
  return hash.digest('hex');
}
