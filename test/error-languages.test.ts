/**
 * Every error message is in one language (issue #11 item 11): a Chinese template has no English words
 * and an English one no Chinese, across the platform's table and every module's `<module>.errors.ts`.
 * Allowed in Chinese: acronyms and file formats (CSV, JPEG, WGS-84, …), a command or protocol field a
 * person must type as is (listed below, by code); allowed in English: the proper names of Chinese
 * institutions the English message explains in words (listed below, by code). Placeholders are not
 * text: a message whose value differs by language takes one placeholder per language ({reasonEn}).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorSpec, registeredErrorCodes } from '../src/server/platform/errors';

const MODULES_DIR = path.resolve(__dirname, '../src/server/modules');

/** Words a Chinese message may carry, by code: what a person types or sees as is (a command, an API field, a format). */
const LATIN_IN_ZH: Record<string, readonly string[]> = {
  admin_role_not_grantable: ['cocreate', 'account'],
  classifier_base_columns: ['id', 'category', 'title', 'body'],
  circle_roads_invalid: ['GeoJSON', 'LineString', 'MultiLineString'],
  photo_invalid: ['WebP'],
  upload_expected: ['Content-Type'],
  open311_jurisdiction_not_found: ['jurisdiction_id'],
  open311_service_code_missing: ['service_code'],
  open311_service_not_found: ['service_code'],
  open311_request_not_found: ['service_request_id'],
  open311_request_id_missing: ['service_request_id'],
  open311_token_not_found: ['token'],
  open311_api_key_missing: ['api_key'],
  open311_api_key_invalid: ['api_key'],
  open311_location_missing: ['lat', 'long', 'address_string', 'address_id'],
  open311_location_invalid: ['lat', 'long'],
  open311_description_missing: ['description'],
  open311_media_url_invalid: ['media_url', 'http', 'https'],
  open311_description_too_long: ['description'],
  open311_date_invalid: ['w3', 'T00'],
  open311_date_range_invalid: ['start_date', 'end_date'],
  open311_status_invalid: ['status'],
  open311_format_unsupported: ['xml', 'json'],
  // a province's set-up is the server administrator's: PostgreSQL's own names and the CLI's words
  province_needs_postgresql: ['PostgreSQL', 'PGlite', 'DATABASE_URL'],
  province_wal_level: ['wal_level', 'logical', 'postgresql', 'conf', 'PostgreSQL'],
  province_county_invalid: ['name'],
  province_conninfo_invalid: ['from', 'libpq', 'postgresql', 'host', 'port', 'dbname', 'user'],
  province_subscription_exists: ['province', 'unsubscribe', 'name'],
  province_rows_present: ['province', 'unsubscribe', 'name'],
};
/** Chinese proper names an English message keeps beside its explanation, by code. */
const CJK_IN_EN: Record<string, readonly string[]> = {
  covenants_matter_not_resolved: ['四议两公开'],
  projects_not_a_representative: ['村民代表'],
};

const ACRONYM = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/; // CSV, JPEG, MB, UTF-16, WGS-84, HH, MM, NUL
const text = (template: string) => template.replace(/\{[^}]+\}/g, ' ');
const latinWords = (s: string) => text(s).match(/[A-Za-z][A-Za-z0-9_-]*/g) ?? [];
const cjkRuns = (s: string) => text(s).match(/[\u3400-\u9fff\uf900-\ufaff]+/g) ?? [];

beforeAll(async () => {
  for (const m of readdirSync(MODULES_DIR)) {
    const file = path.join(MODULES_DIR, m, `${m}.errors.ts`);
    if (readdirSync(path.dirname(file)).includes(`${m}.errors.ts`)) await import(file);
  }
});

describe('error messages in one language each', () => {
  it('loads every module’s error table (the scan is not blind)', () => {
    expect(registeredErrorCodes().length).toBeGreaterThan(250);
    expect(errorSpec('extra_field_invalid')).toBeDefined();
    expect(errorSpec('open311_status_invalid')).toBeDefined();
  });

  it('a Chinese message has no English words (acronyms and the listed terms aside)', () => {
    const mixed = registeredErrorCodes().flatMap((code) => {
      const allowed = LATIN_IN_ZH[code] ?? [];
      const words = latinWords(errorSpec(code)!.zh).filter((w) => !ACRONYM.test(w) && !allowed.includes(w));
      return words.length ? [`${code}: ${words.join(', ')} in 「${errorSpec(code)!.zh}」`] : [];
    });
    expect(mixed).toEqual([]);
  });

  it('an English message has no Chinese (the listed proper names aside)', () => {
    const mixed = registeredErrorCodes().flatMap((code) => {
      const allowed = CJK_IN_EN[code] ?? [];
      const runs = cjkRuns(errorSpec(code)!.en).filter((r) => !allowed.includes(r));
      return runs.length ? [`${code}: ${runs.join(', ')} in "${errorSpec(code)!.en}"`] : [];
    });
    expect(mixed).toEqual([]);
  });

  it('the allowances are still needed (an entry no message uses is removed)', () => {
    for (const [code, words] of Object.entries(LATIN_IN_ZH))
      for (const w of words) expect(latinWords(errorSpec(code)?.zh ?? ''), `${code}: ${w}`).toContain(w);
    for (const [code, runs] of Object.entries(CJK_IN_EN))
      for (const r of runs) expect(cjkRuns(errorSpec(code)?.en ?? ''), `${code}: ${r}`).toContain(r);
  });
});
