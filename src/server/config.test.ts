import { describe, expect, it } from 'vitest';
import { ConfigError, DEMO_SECRET, loadConfig } from './config';

describe('config', () => {
  it('has documented defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.dataDir.endsWith('/data')).toBe(true);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.session.idleMinutes).toBe(30);
    expect(c.signIn).toEqual({ maxFailures: 5, lockMinutes: 10 });
    expect(c.secret).toBe(DEMO_SECRET);
    expect(c.usesDemoSecret).toBe(true);
  });

  it('reads and converts environment values', () => {
    const c = loadConfig({
      PORT: '8080',
      LOGIN_MAX_FAILURES: '3',
      DATABASE_URL: 'postgres://u@h/db',
      COOKIE_SECURE: 'true',
    });
    expect(c.port).toBe(8080);
    expect(c.signIn.maxFailures).toBe(3);
    expect(c.databaseUrl).toBe('postgres://u@h/db');
    expect(c.session.cookieSecure).toBe(true);
  });

  it('names every bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', COCREATE_SECRET: 'short' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x' });
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT/);
      expect((e as Error).message).toMatch(/DATABASE_URL/);
    }
  });
});
