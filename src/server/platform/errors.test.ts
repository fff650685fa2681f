import { describe, expect, it } from 'vitest';
import { AppError, defineErrors, errorBody, errorSpec, PLATFORM_ERRORS, pickLang } from './errors';

describe('errors', () => {
  it('picks the language from Accept-Language', () => {
    expect(pickLang(undefined)).toBe('zh-CN');
    expect(pickLang('en-US,en;q=0.9')).toBe('en');
    expect(pickLang('fr, en;q=0.5, zh;q=0.8')).toBe('zh-CN');
    expect(pickLang('de')).toBe('zh-CN');
  });

  it('fills details into both languages', () => {
    const e = new AppError('body_too_large', { limit: 7 });
    expect(e.status).toBe(413);
    expect(errorBody(e, 'zh-CN').message).toBe('请求体过大（上限 7 字节）');
    expect(errorBody(e, 'en').message).toBe('The request body is too large (limit 7 bytes)');
  });

  it('has a Chinese and an English message for every platform code', () => {
    for (const [code, spec] of Object.entries(PLATFORM_ERRORS)) {
      expect(spec.zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(spec.en, code).toMatch(/^[A-Z]/);
    }
  });

  it("registers a module's codes, and refuses a code declared twice with another meaning", () => {
    const table = defineErrors({ test_only_code: { status: 418, zh: '测试 {x}', en: 'Test {x}' } });
    expect(errorSpec('test_only_code')).toBe(table.test_only_code);
    expect(() => defineErrors({ test_only_code: { status: 400, zh: '测试', en: 'Test' } })).toThrow(/declared twice/);
    expect(() => defineErrors({ forbidden: { ...PLATFORM_ERRORS.forbidden, status: 401 } })).toThrow(/declared twice/);
  });

  it('answers a code no loaded module registered as an internal error naming it (never silently)', () => {
    const e = new AppError('not_registered_anywhere' as never);
    expect(e.status).toBe(500);
    expect(errorBody(e, 'en').message).toContain('not_registered_anywhere');
  });
});
