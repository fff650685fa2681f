/**
 * Every capability the server can send in `/api/me` (what the web apps may show), as one list: the
 * `Capability` type of the server's policies, of `/api/me`'s response schema and of the web's checks
 * (web/shared/types.ts imports it). Pure constants: the web imports this file, so it imports nothing.
 * Each module's policy computes its own (access, cases, points, indicators); src/server/capabilities.ts
 * joins them.
 */
export const CAPABILITIES = [
  'console.use', // may open the staff console at all
  'divisions.browse',
  'staff.read', // the staff directory within scope
  'accounts.manage', // system admin: create, disable accounts, reset passwords
  'sms_outbox.read', // system admin: the development SMS gateway's outbox
  'config.read', // system admin: effective settings
  'roles.manage', // security admin: grant and revoke roles
  'password_resets.read', // security admin: the password resets done by the system administrator
  'audit.read', // audit admin only
  'people.read', // residents, households and party members within scope
  'people.edit', // change them and import registers
  'people.reveal', // reveal full ID numbers and phones (audited)
  'cases.report', // report a problem (everyone signed in but the three administrators)
  'cases.triage', // file, reject and dispatch cases at the actor's places (the triage queue)
  'cases.handle', // may be given cases to handle (the tasks queue)
  'cases.verify', // verify handled cases (the verification queue)
  'cases.supervise', // supervise cases, decide suspensions (the supervision page)
  'cases.read', // read other people's cases in the console (the case page)
  'cases.reveal_reporter', // who reported a case, anonymous ones included (pii_viewer; audited)
  'categories.manage', // case categories: tiers, departments, time limits (county officers)
  'indicators.read', // case indicators of the actor's area or department
  'points.review', // operate points at their places: review, publish and award points, objections, rules
  'points.shop', // shop items and the pickup desk
  'points.read', // points ledgers, awards, items and rules of their places
  'points.settings', // change points settings (town officers, system administrator)
  // ---- issue #15: beehive stations, new-employment workers, 五帮 requests, the service circle ----
  'beehive.read', // stations, agreements, medicine stock and worker counts of their places
  'beehive.manage', // keep stations, agreements and medicine stock (village, town, county officers)
  'beehive.requests', // 五帮 requests routed to their department (county officers read all, edit the measures)
  'circle.read', // the service circle's coverage of their places
  'circle.manage', // facility kinds, facilities, road networks and the detour factor (county officers)
  'beehive.alliance', // keep the alliance's member register and the 五帮 routing (county officers)
  // issue #14 (services): activities, errands, partner units
  'services.manage', // organise service activities and assign errands at the actor's places
  'services.registers', // partner units, cadres, work groups, errand items, 一社一品 (town and county officers)
  // issue #13 (deliberation: meetings, 四议两公开, 村务公开)
  'deliberation.read', // meetings, matters and the board of their places
  'deliberation.manage', // run meetings, sign people in, enter and confirm tallies, record steps, publish
  'deliberation.rules', // change the meeting types' defaults (county officers)
  'deliberation.oversee', // the 村务公开 schedule's overdue flags (town and county)
  // issue #14 (care, worklists)
  'care.visit', // a grid worker's 九必问 visits: due list, visit records of their assigned persons
  'care.register', // the register of people in special difficulty at their places (village/town/county officers)
  'care.settings', // the county's categories, nine questions and visit schedule (county officers)
  'worklists.read', // the three lists (problems, tasks, effects) at their places
  // issue #16, selections (评选)
  'selections.manage', // run selections at their places: create, phases, eligibility, paper votes, objections
  'selections.read', // read selections, nominees, scores, votes and vote-buying signs of their places
  'selections.score', // staff: the panel page (the selections whose panel they sit on)
  // #16 collective economy (村级集体经济)
  'economy.read', // incomes, cooperatives, assets, contracts and the share above the threshold of their places (and keep them)
  'economy.settings', // change the county's collective-income threshold (county officers)
  // #16 leaders (头雁 records): sensitive personnel data, the organisation department only (org_officer)
  'leaders.records', // read and keep teams, tiered management, reserve cadres, 双提升, contests and talks of their places
  // #14 projects (民生实事) and #13 item 7 (their supervision by representatives)
  'projects.manage', // the project board: create projects, move milestones, choose supervisors (village/town/county officers)
  // issue #11 item 8: woodpecker enrolment (啄木鸟志愿者报名)
  'woodpeckers.read', // applications and the woodpecker roster (台账) of their places
  'woodpeckers.decide', // approve or decline applications at their village (village and town officers)
  // issue #13 items 5, 6: 村规民约 / 居民公约, the councils (两会), the 红白事 register
  'covenants.read', // covenants, their versions and diffs, councils and the 红白事 register of their places
  'covenants.manage', // draft and adopt covenant versions, keep councils and record 红白事 (village and town staff)
  // issue #17: the cockpit (驾驶舱) and its big-screen links (大屏)
  'cockpit.read', // the cockpit of their places (village/town/county officers; department handlers: their departments' cases)
  'cockpit.screens', // make, list and revoke big-screen links of their places (town and county officers)
] as const;

export type Capability = (typeof CAPABILITIES)[number];

/**
 * Capabilities the server sends that no web page reads, each with the reason: the web shows these
 * actions from the object's own `actions` instead, or they serve API clients. The capability test
 * (test/capabilities.test.ts) requires every other capability to be read somewhere in web/.
 */
export const API_ONLY_CAPABILITIES: Readonly<Partial<Record<Capability, string>>> = {
  'people.reveal': "the people pages show the reveal button from each person's `actions`",
  // the cockpit's console pages are built on their own branch (#17): drop these two when they land
  'cockpit.read': 'the cockpit page (驾驶舱) reads it; its pages land on their own branch',
  'cockpit.screens': 'the big-screen links page reads it; its pages land on their own branch',
};
