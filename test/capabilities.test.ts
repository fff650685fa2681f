/**
 * One capability type between server and web: every capability the web reads is one the server can
 * send, every one the server sends is read (or listed as API-only), and each role sees the console
 * menus it saw when menus also followed hand-kept role lists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCapabilitiesOf } from '../src/server/capabilities';
import { API_ONLY_CAPABILITIES, CAPABILITIES, type Capability } from '../src/server/modules/access/capabilities';
import { ROLES, type Role, type UserActor } from '../src/server/platform/actor';
import { modulesFor, PAGES } from '../web/admin/modules';

const WEB = path.resolve(__dirname, '../web');
/** Joined from every module's manifest (src/server/modules.ts), as app.ts joins them for /api/me. */
const capabilitiesOf = await loadCapabilitiesOf();

function webSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : webSources(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const QUOTED = /'([^']*)'/g;
/** The places the web checks a capability: `can('…')`, `capabilities.includes('…')`, a module's `capability: '…' | ['…', …]`. */
const CHECKS = [/\bcan\(\s*'[^']*'/g, /capabilities\.includes\(\s*'[^']*'/g, /\bcapability:\s*(?:'[^']*'|\[[^\]]*\])/g];

function capabilitiesReadByWeb(): Map<string, string[]> {
  const read = new Map<string, string[]>();
  for (const file of webSources(WEB)) {
    const text = readFileSync(file, 'utf8');
    for (const check of CHECKS)
      for (const [hit] of text.matchAll(check))
        for (const [, name] of hit.matchAll(QUOTED))
          read.set(name, [...(read.get(name) ?? []), path.relative(WEB, file)]);
  }
  return read;
}

/** A user holding one role at a place of that role's level (a department handler for department D01; a resident none). */
function holder(role: Role): UserActor {
  const at: Partial<Record<Role, string>> = {
    grid_worker: '421081107212001',
    village_officer: '421081107212',
    town_officer: '421081107',
    woodpecker: '421081107212',
  };
  const resident = role === 'resident' || role === 'woodpecker';
  return {
    kind: 'user',
    userId: 'u1',
    userKind: resident ? 'resident' : 'staff',
    displayName: 'x',
    homeDivisionCode: null,
    grants:
      role !== 'resident'
        ? [{ role, scopeCode: at[role] ?? '421081', departmentCode: role === 'department_handler' ? 'D01' : null }]
        : [],
    ip: null,
  };
}

describe('capabilities: one type between server and web', () => {
  const read = capabilitiesReadByWeb();

  it('finds the web’s capability checks (the scan is not blind)', () => {
    expect([...read.keys()]).toEqual(expect.arrayContaining(['console.use', 'cases.triage', 'points.settings']));
  });

  it('every capability the web reads is one the server can send', () => {
    const unknown = [...read].filter(([name]) => !(CAPABILITIES as readonly string[]).includes(name));
    expect(unknown).toEqual([]);
  });

  it('every capability the server can send is read by the web or listed as API-only (and only then)', () => {
    const unread = CAPABILITIES.filter((c) => !read.has(c) && !(c in API_ONLY_CAPABILITIES));
    expect(unread).toEqual([]);
    const apiOnlyButRead = Object.keys(API_ONLY_CAPABILITIES).filter((c) => read.has(c));
    expect(apiOnlyButRead).toEqual([]);
  });

  it('every capability in the list is sent to some role, and nothing outside it', () => {
    const sent = new Set(ROLES.flatMap((r) => capabilitiesOf(holder(r))));
    expect([...sent].filter((c) => !CAPABILITIES.includes(c))).toEqual([]);
    expect(CAPABILITIES.filter((c) => !sent.has(c))).toEqual([]);
  });

  it('the type refuses a capability the server cannot send', () => {
    // @ts-expect-error the console once asked for capabilities the server never sent (tsc fails if this compiles)
    const stale: Capability = 'cases.work';
    expect(CAPABILITIES).not.toContain(stale);
  });
});

/**
 * The console's menus per role when they followed hand-kept role lists as well as capabilities
 * (web/admin/modules.tsx `roles`, removed), computed with that code and the server's capabilities of
 * the time. A role that sees a menu it cannot use would be a defect; the one change is below.
 */
const BEFORE: Record<Role, string[]> = {
  grid_worker: [
    'home',
    'divisions',
    'people',
    'coverage',
    'grid-map',
    'party-orgs',
    'registers',
    'staff',
    'triage',
    'tasks',
    'verify',
    'report',
    'case',
    'points-awards',
    'points-publicity',
    'points-pickup',
    'points-items',
    'points-ledger',
    'points-rules',
    'points-settings',
  ],
  village_officer: [
    'home',
    'divisions',
    'people',
    'coverage',
    'grid-map',
    'party-orgs',
    'registers',
    'staff',
    'triage',
    'tasks',
    'verify',
    'report',
    'indicators',
    'case',
    'points-awards',
    'points-publicity',
    'points-pickup',
    'points-items',
    'points-ledger',
    'points-rules',
    'points-settings',
  ],
  town_officer: [
    'home',
    'divisions',
    'people',
    'coverage',
    'grid-map',
    'party-orgs',
    'registers',
    'staff',
    'triage',
    'tasks',
    'verify',
    'supervision',
    'report',
    'indicators',
    'case',
    'points-awards',
    'points-publicity',
    'points-pickup',
    'points-items',
    'points-ledger',
    'points-rules',
    'points-settings',
  ],
  county_officer: [
    'home',
    'divisions',
    'people',
    'coverage',
    'grid-map',
    'party-orgs',
    'registers',
    'staff',
    'triage',
    'tasks',
    'verify',
    'supervision',
    'report',
    'categories',
    'indicators',
    'case',
    'points-awards',
    'points-publicity',
    'points-items',
    'points-ledger',
    'points-rules',
    'points-settings',
  ],
  department_handler: ['home', 'divisions', 'staff', 'tasks', 'report', 'indicators', 'case'],
  system_admin: ['home', 'divisions', 'staff', 'points-settings', 'accounts', 'sms-outbox', 'system'],
  security_admin: ['home', 'divisions', 'staff', 'roles'],
  audit_admin: ['home', 'divisions', 'audit'],
  pii_viewer: ['home', 'divisions', 'report'],
  org_officer: ['home', 'divisions', 'report'], // #16: the role came later; the menus any staff role has
  woodpecker: ['report'],
  resident: ['report'],
};

/**
 * Town and county officers lose "tasks" (办理任务): it lists the cases given to the user to handle,
 * and a case can be given in person only to a grid worker or village officer of its village, or to
 * a department (loop.service dispatch, access.repo mayHandleAt), so their queue was always empty.
 */
const DROPPED: Partial<Record<Role, string[]>> = { town_officer: ['tasks'], county_officer: ['tasks'] };

/**
 * Menus of modules added since the role lists, per module (each issue its own block); the expected menu
 * is sorted into the console's order (web/admin/modules.tsx) by the test.
 */
// issue #15: beehive stations, workers, requests; the service circle
const STATION_READERS = ['beehive-stations', 'beehive-workers', 'beehive-alliance', 'circle'];
// issue #14 (services): activities and errands for village staff and up, the partner registers too
const SERVICES_PAGES = ['services-activities', 'services-errands', 'services-registers'];
// issue #13 (deliberation): meetings, matters, proposals, the board and the meeting types, for village staff and up
const DELIBERATION_PAGES = ['meetings', 'meeting', 'matters', 'matter', 'proposals', 'disclosures', 'meeting-rules'];
// issue #14 (care, worklists)
const CARE_OFFICER_MENUS = ['care-register', 'care-rates', 'care-person', 'worklists', 'worklist'];
// issue #16 (selections, 评选)
const SELECTION_PAGES = ['selections', 'selection', 'selections-panel'];
// #16 collective economy (村级集体经济)
const ECONOMY_PAGES = ['economy-incomes', 'economy-share', 'economy-registers'];
// issue #16 (leaders, 头雁 records): the organisation department's role only
const LEADERS_PAGES = [
  'leaders-teams',
  'leaders-person',
  'leaders-tiers',
  'leaders-reserves',
  'leaders-upgrades',
  'leaders-contests',
  'leaders-contest',
  'leaders-talks',
];
const COVENANT_PAGES = ['covenants', 'covenant', 'covenant-version', 'councils', 'family-events'];
const ADDED_BY_ISSUE: Partial<Record<Role, string[]>>[] = [
  { org_officer: LEADERS_PAGES },
  {
    grid_worker: SELECTION_PAGES,
    village_officer: SELECTION_PAGES,
    town_officer: SELECTION_PAGES,
    county_officer: SELECTION_PAGES,
    department_handler: ['selection', 'selections-panel'],
  },
  {
    grid_worker: ['care-due', ...CARE_OFFICER_MENUS],
    village_officer: CARE_OFFICER_MENUS,
    town_officer: CARE_OFFICER_MENUS,
    county_officer: ['care-register', 'care-rates', 'care-settings', 'care-person', 'worklists', 'worklist'],
  },
  {
    grid_worker: DELIBERATION_PAGES,
    village_officer: DELIBERATION_PAGES,
    town_officer: DELIBERATION_PAGES,
    county_officer: DELIBERATION_PAGES,
  },
  {
    grid_worker: STATION_READERS,
    village_officer: STATION_READERS,
    town_officer: STATION_READERS,
    county_officer: ['beehive-stations', 'beehive-workers', 'beehive-requests', 'beehive-alliance', 'circle'],
    department_handler: ['beehive-requests', 'beehive-alliance'],
  },
  {
    grid_worker: SERVICES_PAGES,
    village_officer: SERVICES_PAGES,
    town_officer: SERVICES_PAGES,
    county_officer: SERVICES_PAGES,
  },
  // #16 collective economy: incomes, the share above the threshold, registers — village, town and county officers
  {
    village_officer: ECONOMY_PAGES,
    town_officer: ECONOMY_PAGES,
    county_officer: ECONOMY_PAGES,
  },
  // #14 projects (民生实事): the board and a project's page, for officers
  {
    village_officer: ['projects', 'project'],
    town_officer: ['projects', 'project'],
    county_officer: ['projects', 'project'],
  },
  // issue #11 item 8 (woodpecker enrolment): officers read applications and the roster
  { village_officer: ['woodpeckers'], town_officer: ['woodpeckers'], county_officer: ['woodpeckers'] },
  // issue #11 (the resident report page): 常见问题, the plain-word problems residents pick
  { county_officer: ['problem-words'] },
  // issue #11 item 10 (queues for real volumes): 全部案件, for everyone who reads cases in the console
  {
    grid_worker: ['allCases'],
    village_officer: ['allCases'],
    town_officer: ['allCases'],
    county_officer: ['allCases'],
    department_handler: ['allCases'],
  },
  // issue #13 items 5, 6 (covenants): 村规民约 and its versions, the councils, the 红白事 register, for village staff and up
  {
    grid_worker: COVENANT_PAGES,
    village_officer: COVENANT_PAGES,
    town_officer: COVENANT_PAGES,
    county_officer: COVENANT_PAGES,
  },
  // issue #17 (the cockpit): 驾驶舱, for officers and for department handlers (their departments' cases)
  {
    village_officer: ['cockpit'],
    town_officer: ['cockpit'],
    county_officer: ['cockpit'],
    department_handler: ['cockpit'],
  },
];
const ADDED: Partial<Record<Role, string[]>> = Object.fromEntries(
  ROLES.map((r) => [r, ADDED_BY_ISSUE.flatMap((a) => a[r] ?? [])]),
);
const menuOrder = (keys: string[]) =>
  [...keys].sort((a, b) => PAGES.findIndex((p) => p.key === a) - PAGES.findIndex((p) => p.key === b));

describe('console menus follow capabilities alone', () => {
  it.each(ROLES)('%s sees the menus it saw with role lists', (role) => {
    const me = { capabilities: capabilitiesOf(holder(role)) };
    const expected = menuOrder([
      ...BEFORE[role].filter((k) => !(DROPPED[role] ?? []).includes(k)),
      ...(ADDED[role] ?? []),
    ]);
    // the menu in its order; hidden routes (a case's page) by name, their place in the list means nothing
    const shown = modulesFor(me);
    const hidden = new Set(shown.filter((m) => m.hidden).map((m) => m.key));
    expect(shown.filter((m) => !m.hidden).map((m) => m.key)).toEqual(expected.filter((k) => !hidden.has(k)));
    expect([...hidden].sort()).toEqual(expected.filter((k) => PAGES.find((p) => p.key === k)?.hidden).sort());
  });
});
