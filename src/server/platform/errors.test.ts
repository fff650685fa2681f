import { describe, expect, it } from 'vitest';
import { AppError, ERRORS, errorBody, pickLang } from './errors';

describe('errors', () => {
  it('picks the language from Accept-Language', () => {
    expect(pickLang(undefined)).toBe('zh-CN');
    expect(pickLang('en-US,en;q=0.9')).toBe('en');
    expect(pickLang('fr, en;q=0.5, zh;q=0.8')).toBe('zh-CN');
    expect(pickLang('de')).toBe('zh-CN');
  });

  it('fills details into both languages', () => {
    const e = new AppError('account_locked', { minutes: 7 });
    expect(e.status).toBe(423);
    expect(errorBody(e, 'zh-CN').message).toBe('登录失败次数过多，请 7 分钟后再试');
    expect(errorBody(e, 'en').message).toBe('Too many failed sign-ins; try again in 7 minutes');
  });

  it('has a Chinese and an English message for every code', () => {
    for (const [code, spec] of Object.entries(ERRORS)) {
      expect(spec.zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(spec.en, code).toMatch(/^[A-Z]/);
    }
  });
});
