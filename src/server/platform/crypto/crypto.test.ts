import { describe, expect, it } from 'vitest';
import { createFieldCrypto, sm3Hex } from './field-crypto';
import { maskIdNumber, maskPhone, normalizePhone } from './masking';

const crypto = createFieldCrypto('a-test-secret-that-is-long-enough-000');

describe('field encryption (SM4-CTR + HMAC-SM3)', () => {
  it('round-trips and never stores the plain text', () => {
    const c = crypto.encrypt('13812345678');
    expect(c.startsWith('v1:')).toBe(true);
    expect(c).not.toContain('13812345678');
    expect(crypto.decrypt(c)).toBe('13812345678');
    expect(crypto.encrypt('13812345678')).not.toBe(c); // random IV
  });

  it('detects tampering and a wrong key', () => {
    const c = crypto.encrypt('421081199001011234');
    const raw = Buffer.from(c.slice(3), 'base64');
    raw[20] ^= 1;
    expect(() => crypto.decrypt(`v1:${raw.toString('base64')}`)).toThrow(/authentication/);
    expect(() => createFieldCrypto('another-secret-that-is-long-enough-00').decrypt(c)).toThrow();
  });

  it('gives a deterministic blind index per domain and key', () => {
    expect(crypto.blindIndex('phone', '13812345678')).toBe(crypto.blindIndex('phone', '13812345678'));
    expect(crypto.blindIndex('phone', '13812345678')).not.toBe(crypto.blindIndex('id', '13812345678'));
    expect(createFieldCrypto('another-secret-that-is-long-enough-00').blindIndex('phone', '13812345678')).not.toBe(
      crypto.blindIndex('phone', '13812345678'),
    );
  });

  it('computes SM3 (GB/T 32905 test vector "abc")', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });
});

describe('masking and phones', () => {
  it('masks as officials expect', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskIdNumber('421081199001011234')).toBe('4210**********1234');
  });
  it('normalises mainland mobile numbers', () => {
    expect(normalizePhone('+86 138-1234-5678')).toBe('13812345678');
    expect(normalizePhone('12812345678')).toBeNull();
    expect(normalizePhone('1381234567')).toBeNull();
  });
});
