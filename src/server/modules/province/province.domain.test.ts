import { describe, expect, it } from 'vitest';
import { countyOfSubscription, parseConninfo, sqlLiteral, subscriptionOf } from './province.domain';

describe('the province names and connection strings', () => {
  it('names a county subscription and reads it back', () => {
    expect(subscriptionOf('421081')).toBe('cocreate_421081');
    expect(countyOfSubscription('cocreate_421081')).toBe('421081');
    expect(countyOfSubscription('other_421081')).toBeNull();
  });

  it('reads a URI or key=value pairs, and refuses what libpq would not', () => {
    expect(parseConninfo('postgresql://province@10.0.0.5:5432/cocreate')).toEqual({
      ok: true,
      value: { connectionString: 'postgresql://province@10.0.0.5:5432/cocreate' },
    });
    expect(
      parseConninfo("host=10.0.0.5 port=5433 dbname=cocreate user=province password='a b\\'c' sslmode=require"),
    ).toEqual({
      ok: true,
      value: { host: '10.0.0.5', port: 5433, database: 'cocreate', user: 'province', password: "a b'c" },
    });
    for (const bad of ['', 'host', 'port=abc', 'host=x; DROP', "host='x"])
      expect(parseConninfo(bad).ok, bad).toBe(false);
  });

  it('quotes a literal by doubling its quotes', () => {
    expect(sqlLiteral("host=x password='it''s'")).toBe("'host=x password=''it''''s'''");
  });
});
