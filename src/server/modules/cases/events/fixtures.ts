/** Test fixtures for the pure command tests: a case, a category, the step's world, actors. */
import type { Grant, UserActor } from '../../../platform/actor';
import { DEFAULT_OFFICE_HOURS } from '../../../platform/calendar/working-time';
import type { Category } from '../categories.repo';
import { type CaseRow, UNTOUCHED_CASE } from '../cases.repo';
import type { ApplyEnv } from './command';

export const NOW = new Date('2026-11-25T10:00:00+08:00');
export const COUNTY = '421081';
export const VILLAGE = '421081001007';
export const GRID = `${VILLAGE}001`;

export const category = (patch: Partial<Category> = {}): Category => ({
  code: '06010',
  parentCode: '06',
  kind: 'event',
  name: '暴露垃圾',
  nameEn: null,
  synonyms: [],
  defaultTier: 'grid',
  departmentKey: null,
  timeLimits: {
    response: { amount: 2, unit: 'working_hours' },
    dispatch: { amount: 1, unit: 'working_hours' },
    handle: {
      normal: { amount: 3, unit: 'working_days' },
      urgent: { amount: 4, unit: 'working_hours' },
      critical: { amount: 2, unit: 'working_hours' },
    },
    verify: { amount: 4, unit: 'working_hours' },
  },
  extraFields: [],
  isPublic: true,
  active: true,
  ...patch,
});

export const aCase = (patch: Partial<CaseRow> = {}): CaseRow => ({
  id: '00000000-0000-4000-8000-000000000001',
  number: 'C20261125-0001',
  title: '楼下暴露垃圾',
  description: '楼下暴露垃圾没人管',
  categoryCode: '06010',
  categoryConfirmed: false,
  extra: {},
  urgency: 'normal',
  lng: 112.4,
  lat: 29.7,
  address: null,
  locationSource: 'gps',
  gridCode: GRID,
  divisionCode: GRID,
  tier: 'grid',
  state: 'received',
  handlerUserId: null,
  handlerDepartment: null,
  reporterId: 'reporter',
  reporterName: null,
  enteredBy: null,
  anonymous: false,
  source: 'app',
  isPublic: true,
  ruleTrace: [],
  receivedAt: new Date(NOW.getTime() - 3_600_000),
  ...UNTOUCHED_CASE,
  responseDueAt: new Date(NOW.getTime() + 3_600_000),
  updatedAt: new Date(NOW.getTime() - 3_600_000),
  ...patch,
});

export const env = (patch: Partial<ApplyEnv> = {}): ApplyEnv => ({
  now: NOW,
  actorLabel: '王网格',
  category: category(),
  countyCode: COUNTY,
  officeHours: DEFAULT_OFFICE_HOURS,
  reopenWindowMs: 7 * 86_400_000,
  ...patch,
});

export const actor = (userId: string, grants: Grant[] = []): UserActor => ({
  kind: 'user',
  userId,
  userKind: grants.length ? 'staff' : 'resident',
  displayName: userId,
  homeDivisionCode: null,
  grants,
  ip: null,
});
