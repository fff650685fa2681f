import { describe, expect, it } from 'vitest';
import type { CaseState } from '../cases/case-machine';
import type { Category } from '../cases/categories.repo';
import {
  extendedStatus,
  keywordList,
  openStatus,
  presentRequest,
  presentService,
  presentUpdate,
  requestStatus,
  selectStatuses,
  statusNotes,
  w3,
  type PublicCase,
} from './open311.domain';
import { coerceAttributes, dateRange, listParam, parseCreate, readFields } from './open311.input';
import { escapeXml, toXml } from './open311.xml';

const STATES: CaseState[] = [
  'received',
  'filed',
  'dispatched',
  'handling',
  'suspended',
  'feedback',
  'closed',
  'rejected',
];

describe('statuses', () => {
  it('maps every state to open/closed and to an extended status', () => {
    expect(STATES.map((s) => [s, openStatus(s), extendedStatus(s, null)])).toEqual([
      ['received', 'open', 'open'],
      ['filed', 'open', 'open'],
      ['dispatched', 'open', 'action_scheduled'],
      ['handling', 'open', 'in_progress'],
      ['suspended', 'open', 'investigating'],
      ['feedback', 'open', 'in_progress'],
      ['closed', 'closed', 'fixed'],
      ['rejected', 'closed', 'no_further_action'],
    ]);
    expect(['duplicate', 'not_our_responsibility', 'not_a_problem'].map((r) => extendedStatus('rejected', r))).toEqual([
      'duplicate',
      'not_councils_responsibility',
      'no_further_action',
    ]);
  });

  it('turns status filters into states and rejection reasons', () => {
    expect(selectStatuses(['open'])).toEqual({
      states: ['received', 'filed', 'dispatched', 'handling', 'suspended', 'feedback'],
      rejectionReasons: [],
    });
    expect(selectStatuses(['closed'])).toEqual({ states: ['closed', 'rejected'], rejectionReasons: [] });
    expect(selectStatuses(['in progress', 'DUPLICATE'])).toEqual({
      states: ['handling', 'feedback'],
      rejectionReasons: ['duplicate'],
    });
    expect(selectStatuses(['pending'])).toBeNull();
  });
});

describe('presenting', () => {
  it('writes w3 datetimes in China Standard Time', () => {
    expect(w3(new Date('2026-11-25T01:02:03.456Z'))).toBe('2026-11-25T09:02:03+08:00');
  });

  it('presents a service with its group, and a request without nulls or personal data', () => {
    const major = {
      code: 'LM1',
      name: '社区（村）事项',
      nameEn: 'Community and village matters',
      isPublic: true,
      active: true,
    } as Category;
    const c = {
      code: 'L0001',
      parentCode: 'LM1',
      kind: 'local',
      name: '楼道堆物',
      nameEn: 'Stairwell clutter',
      synonyms: ['楼道杂物'],
      extraFields: [],
      isPublic: true,
      active: true,
    } as unknown as Category;
    expect(presentService(c, major, 'zh-CN')).toEqual({
      service_code: 'L0001',
      service_name: '楼道堆物',
      description: '楼道堆物 (Stairwell clutter)',
      metadata: false,
      type: 'realtime',
      keywords: '楼道杂物',
      group: '社区（村）事项',
      groups: ['社区（村）事项'],
    });
    const row: PublicCase = {
      id: 'x',
      number: '421081-20261125-000001',
      state: 'rejected',
      rejectionReason: 'not_our_responsibility',
      referral: '供电公司',
      duplicateOfNumber: null,
      lastNote: null,
      categoryCode: '01037',
      categoryName: '路灯异常',
      categoryNameEn: null,
      description: 'd',
      agency: null,
      agencyEn: null,
      receivedAt: new Date('2026-11-25T01:00:00Z'),
      updatedAt: new Date('2026-11-25T02:00:00Z'),
      closedAt: null,
      handleDueAt: null,
      address: null,
      lat: 29.7233491234,
      lng: 112.4196091234,
      mediaUrl: null,
      photoId: null,
    };
    const json = JSON.parse(JSON.stringify(presentRequest(row, 'en', 'https://x.test')));
    expect(json).toEqual({
      service_request_id: row.number,
      status: 'not_councils_responsibility',
      status_notes: "Not the county's responsibility; referred to 供电公司",
      service_name: '路灯异常',
      service_code: '01037',
      description: 'd',
      requested_datetime: '2026-11-25T09:00:00+08:00',
      updated_datetime: '2026-11-25T10:00:00+08:00',
      lat: 29.723349,
      long: 112.419609,
    });
  });

  it('never lists a rejected case as plain closed (FixMyStreet would import it as fixed), and always says why a case closed', () => {
    const base = { state: 'rejected' as const, duplicateOfNumber: null, referral: null, lastNote: null };
    expect(requestStatus({ state: 'rejected', rejectionReason: 'duplicate' })).toBe('duplicate');
    expect(requestStatus({ state: 'rejected', rejectionReason: 'not_our_responsibility' })).toBe(
      'not_councils_responsibility',
    );
    expect(requestStatus({ state: 'rejected', rejectionReason: 'not_a_problem' })).toBe('no_further_action');
    expect(requestStatus({ state: 'rejected', rejectionReason: null })).toBe('no_further_action');
    expect(requestStatus({ state: 'closed', rejectionReason: null })).toBe('closed');
    expect(requestStatus({ state: 'handling', rejectionReason: null })).toBe('open');
    for (const reason of ['duplicate', 'not_our_responsibility', 'not_a_problem', null]) {
      expect(statusNotes({ ...base, rejectionReason: reason } as PublicCase, 'zh-CN')).toBeTruthy();
    }
    expect(statusNotes({ ...base, state: 'closed', rejectionReason: null } as PublicCase, 'en')).toBe(
      'Fixed and verified',
    );
    expect(
      statusNotes(
        { ...base, rejectionReason: 'duplicate', duplicateOfNumber: 'N1', lastNote: '同一井盖' } as PublicCase,
        'zh-CN',
      ),
    ).toBe('与 N1 重复。同一井盖');
  });

  it('gives every update a description, an external status code and its media', () => {
    const types = [
      'receive',
      'file',
      'dispatch',
      'accept',
      'send_back',
      'progress',
      'approve_suspension',
      'deny_suspension',
      'resume',
      'feedback',
      'verify',
      'reopen',
      'reject',
      'note',
      'photo',
      'something_new',
    ];
    const states = [
      'received',
      'filed',
      'dispatched',
      'handling',
      'suspended',
      'feedback',
      'closed',
      'rejected',
    ] as const;
    for (const type of types) {
      for (const toState of states) {
        for (const lang of ['zh-CN', 'en'] as const) {
          const u = presentUpdate(
            {
              id: 1,
              number: 'N',
              type,
              toState,
              rejectionReason: toState === 'rejected' ? 'duplicate' : null,
              duplicateOfNumber: null,
              referral: null,
              passed: null,
              at: new Date(),
              note: null,
              mediaUrl: null,
              photoId: null,
            },
            lang,
            'https://x.test',
          );
          expect(u.description, `${type} ${toState} ${lang}`).toMatch(/\S/);
          expect(u.external_status_code).toBe(toState === 'rejected' ? 'duplicate' : toState);
        }
      }
    }
    const photo = presentUpdate(
      {
        id: 2,
        number: 'N',
        type: 'photo',
        toState: 'handling',
        rejectionReason: null,
        duplicateOfNumber: null,
        referral: null,
        passed: null,
        at: new Date(),
        note: null,
        mediaUrl: null,
        photoId: 'p1',
      },
      'en',
      'https://x.test',
    );
    expect(photo).toMatchObject({
      description: 'Photo added',
      media_url: 'https://x.test/api/public/photos/p1',
      status: 'IN_PROGRESS',
    });
    const note = presentUpdate(
      {
        id: 3,
        number: 'N',
        type: 'note',
        toState: 'filed',
        rejectionReason: null,
        duplicateOfNumber: null,
        referral: null,
        passed: null,
        at: new Date(),
        note: '电话 13912345678',
        mediaUrl: 'https://fms.test/p.jpeg',
        photoId: null,
      },
      'en',
      'https://x.test',
    );
    expect(note).toMatchObject({ description: '电话 139****5678', media_url: 'https://fms.test/p.jpeg' });
  });

  it('joins keywords with bare commas, as the spec and FixMyStreet (split on ",") read them', () => {
    expect(keywordList(['路灯', ' 灯不亮 ', '路灯', 'a, b', '黑，暗', '', '   '])).toBe('路灯,灯不亮,a b,黑 暗');
    expect(keywordList([])).toBeUndefined();
    expect(keywordList(['x', 'y'])!.split(',')).toEqual(['x', 'y']);
  });
});

describe('reading input', () => {
  it('reads form and JSON fields, attributes in both notations, body before query', () => {
    const f = readFields(
      { service_code: ' 01037 ', 'attribute[a]': '1', 'attribute[m][]': ['x', 'y'], attribute: { b: 2 } },
      { api_key: 'k', service_code: 'ignored' },
    );
    expect([f.get('service_code'), f.get('api_key'), f.get('missing')]).toEqual(['01037', 'k', undefined]);
    expect(f.attributes).toEqual({ a: '1', m: ['x', 'y'], b: '2' });
    expect(listParam(['a,b', ' c '])).toEqual(['a', 'b', 'c']);
  });

  it('requires service_code, lat/long and description', () => {
    const ok = parseCreate(
      readFields({ service_code: '01037', lat: '29.7', long: '112.4', description: 'x', address_string: 'a' }, {}),
    );
    expect(ok).toEqual({
      ok: true,
      value: { serviceCode: '01037', lat: 29.7, lng: 112.4, description: 'x', address: 'a', title: undefined },
    });
    const problems = [
      {},
      { service_code: '1' },
      { service_code: '1', lat: '1', long: 'x' },
      { service_code: '1', lat: '1', long: '2' },
    ]
      .map((b) => parseCreate(readFields(b, {})))
      .map((r) => (r.ok ? null : r.code));
    expect(problems).toEqual([
      'open311_service_code_missing',
      'open311_location_missing',
      'open311_location_invalid',
      'open311_description_missing',
    ]);
  });

  it('types attributes by the category fields and drops unknown ones', () => {
    const fields = [
      { key: 'n', label: { zh: 'n', en: 'n' }, type: 'number' as const, required: false },
      { key: 'b', label: { zh: 'b', en: 'b' }, type: 'boolean' as const, required: false },
      { key: 'e', label: { zh: 'e', en: 'e' }, type: 'enum' as const, required: false, options: ['x'] },
    ];
    expect(coerceAttributes(fields, { n: '3.5', b: '否', e: 'x', other: '1' })).toEqual({ n: 3.5, b: false, e: 'x' });
    expect(coerceAttributes(fields, { n: 'three', b: 'maybe' })).toEqual({ n: 'three', b: 'maybe' });
  });

  it('defaults to the last 90 days and refuses wider or reversed ranges', () => {
    const now = new Date('2026-11-25T00:00:00Z');
    expect(dateRange(undefined, undefined, now)).toEqual({
      ok: true,
      value: { start: new Date('2026-08-27T00:00:00Z'), end: now },
    });
    expect(dateRange('2026-11-01', undefined, now)).toMatchObject({
      ok: true,
      value: { start: new Date('2026-10-31T16:00:00Z') },
    });
    expect(dateRange('2026-01-01T00:00:00Z', '2026-12-01T00:00:00Z', now).ok).toBe(false);
    expect(dateRange('2026-11-02', '2026-11-01', now).ok).toBe(false);
    expect(dateRange('soon', undefined, now).ok).toBe(false);
  });
});

describe('xml', () => {
  it('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXml('<a href="x">&\'\u0000\uFFFE\uD800ok</a>')).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;&apos;ok&lt;/a&gt;',
    );
  });

  it('writes lists with their item elements and leaves nulls out', () => {
    expect(toXml('services', [{ service_code: '1', metadata: false, keywords: null, groups: ['g'] }])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<services>\n  <service>\n    <service_code>1</service_code>\n    <metadata>false</metadata>\n' +
        '    <groups>\n      <group>g</group>\n    </groups>\n  </service>\n</services>\n',
    );
    expect(toXml('service_requests', [])).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<service_requests/>\n');
  });
});
