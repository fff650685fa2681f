/**
 * The category tree seeded from GB/T 47678.5-2026 (153 components, 97 events, 5-digit codes; every
 * component also stands for its "…异常" problem category), older names kept as synonyms, and local
 * categories the seed's woodpeckers report (stairwell clutter, broken door entry…). The standard
 * sets no time limits: these defaults are ours and editable per category.
 */
import { readFileSync } from 'node:fs';
import type { TimeLimit } from '../../platform/calendar/working-time';
import { fromRoot } from '../../paths';

export type Tier = 'grid' | 'village' | 'department';
export type Urgency = 'normal' | 'urgent' | 'critical';

export interface TimeLimits {
  response: TimeLimit; // file or reject
  dispatch: TimeLimit;
  handle: Record<Urgency, TimeLimit>;
  verify: TimeLimit;
}

export interface ExtraField {
  key: string;
  label: { zh: string; en: string };
  type: 'string' | 'number' | 'boolean' | 'enum';
  required: boolean;
  options?: string[];
}

export interface CategorySeed {
  code: string;
  parentCode: string | null;
  kind: 'major' | 'component' | 'event' | 'local';
  name: string;
  nameEn: string | null;
  synonyms: string[];
  defaultTier: Tier;
  departmentKey: string | null;
  timeLimits: TimeLimits;
  extraFields: ExtraField[];
  isPublic: boolean;
  source: string;
}

const wh = (amount: number): TimeLimit => ({ amount, unit: 'working_hours' });
const wd = (amount: number): TimeLimit => ({ amount, unit: 'working_days' });

function limits(normal: TimeLimit, urgent: TimeLimit = wh(4), critical: TimeLimit = wh(2)): TimeLimits {
  return { response: wh(2), dispatch: wh(1), handle: { normal, urgent, critical }, verify: wh(4) };
}

/** Defaults per major class: handling time, tier and the county department (by key) responsible. */
const MAJOR_DEFAULTS: Record<string, { limits: TimeLimits; tier: Tier; department: string; en: string }> = {
  '01': { limits: limits(wd(3)), tier: 'department', department: 'zjj', en: 'Municipal utilities' },
  '02': { limits: limits(wd(3)), tier: 'department', department: 'jtj', en: 'Traffic facilities' },
  '03': { limits: limits(wd(1)), tier: 'department', department: 'cgj', en: 'Sanitation facilities' },
  '04': { limits: limits(wd(3)), tier: 'department', department: 'zjj', en: 'Parks and greenery' },
  '05': { limits: limits(wd(5)), tier: 'department', department: 'cgj', en: 'Other components' },
  '06': { limits: limits(wh(4), wh(2), wh(1)), tier: 'grid', department: 'cgj', en: 'City appearance and environment' },
  '07': { limits: limits(wd(1)), tier: 'department', department: 'cgj', en: 'Advertising' },
  '08': { limits: limits(wd(2)), tier: 'department', department: 'zjj', en: 'Construction management' },
  '09': { limits: limits(wh(8), wh(4), wh(2)), tier: 'department', department: 'cgj', en: 'Street order' },
  '10': { limits: limits(wh(4), wh(2), wh(1)), tier: 'department', department: 'cgj', en: 'Other matters' },
};

/** Names used by GB/T 30428.2-2013 and city systems built on it. */
const SYNONYMS: Record<string, string[]> = {
  供水井盖: ['上水井盖'],
  通信井盖: ['通讯井盖'],
  乱堆杂物: ['乱堆物堆料'],
  非装饰性吊挂: ['非装饰性树挂'],
  暴露垃圾: ['垃圾暴露', '垃圾乱倒'],
};

/** Local categories (L + 4 digits) for what woodpeckers find in compounds and buildings. */
const LOCAL: Array<
  Omit<CategorySeed, 'parentCode' | 'kind' | 'source' | 'isPublic' | 'extraFields'> & { isPublic?: boolean }
> = [
  {
    code: 'L0001',
    name: '楼道堆物',
    nameEn: 'Stairwell clutter',
    synonyms: ['楼道杂物', '楼道乱堆'],
    defaultTier: 'grid',
    departmentKey: null,
    timeLimits: limits(wd(1)),
  },
  {
    code: 'L0002',
    name: '门禁损坏',
    nameEn: 'Broken door-entry system',
    synonyms: ['单元门禁坏'],
    defaultTier: 'village',
    departmentKey: null,
    timeLimits: limits(wd(3)),
  },
  {
    code: 'L0003',
    name: '楼道照明损坏',
    nameEn: 'Stairwell light broken',
    synonyms: ['楼道灯坏'],
    defaultTier: 'village',
    departmentKey: null,
    timeLimits: limits(wd(2)),
  },
  {
    code: 'L0004',
    name: '飞线充电',
    nameEn: 'Unsafe e-bike charging cable',
    synonyms: ['电动车飞线充电'],
    defaultTier: 'grid',
    departmentKey: null,
    timeLimits: limits(wh(4), wh(2), wh(1)),
  },
  {
    code: 'L0005',
    name: '邻里纠纷',
    nameEn: 'Neighbour dispute',
    synonyms: ['邻里矛盾'],
    defaultTier: 'village',
    departmentKey: null,
    timeLimits: limits(wd(3)),
    isPublic: false,
  },
  {
    code: 'L0006',
    name: '困难群众求助',
    nameEn: 'Request for help (household in difficulty)',
    synonyms: [],
    defaultTier: 'village',
    departmentKey: 'mzj',
    timeLimits: limits(wd(2)),
    isPublic: false,
  },
  {
    code: 'L0007',
    name: '其他问题',
    nameEn: 'Other problem',
    synonyms: [],
    defaultTier: 'village',
    departmentKey: null,
    timeLimits: limits(wd(3)),
  },
];

export const TAXONOMY_CSV = fromRoot('src/server/modules/cases/data/gbt-47678.5-2026.csv');

export function loadTaxonomy(csv = readFileSync(TAXONOMY_CSV, 'utf8')): CategorySeed[] {
  const out: CategorySeed[] = [];
  const majors = new Map<string, string>();
  for (const line of csv.split(/\r?\n/).slice(1)) {
    if (!line.trim()) continue;
    const [kind, majorCode, majorName, code, name] = line.split(',');
    const d = MAJOR_DEFAULTS[majorCode];
    if (!d) throw new Error(`taxonomy: unknown major class ${majorCode}`);
    if (!majors.has(majorCode)) {
      majors.set(majorCode, majorName);
      out.push({
        code: majorCode,
        parentCode: null,
        kind: 'major',
        name: majorName,
        nameEn: d.en,
        synonyms: [],
        defaultTier: d.tier,
        departmentKey: d.department,
        timeLimits: d.limits,
        extraFields: [],
        isPublic: true,
        source: 'GB/T 47678.5-2026',
      });
    }
    const displayName = kind === 'component' ? `${name}异常` : name;
    out.push({
      code,
      parentCode: majorCode,
      kind: kind as 'component' | 'event',
      name: displayName,
      nameEn: null,
      synonyms: [
        ...(kind === 'component' ? [name] : []),
        ...(SYNONYMS[name] ?? []),
        ...(SYNONYMS[name] ?? []).map((s) => (kind === 'component' ? `${s}异常` : s)),
      ],
      defaultTier: d.tier,
      departmentKey: d.department,
      timeLimits: d.limits,
      extraFields: [],
      isPublic: true,
      source: 'GB/T 47678.5-2026',
    });
  }
  out.push({
    code: 'LM1',
    parentCode: null,
    kind: 'major',
    name: '社区（村）事项',
    nameEn: 'Community and village matters',
    synonyms: [],
    defaultTier: 'village',
    departmentKey: null,
    timeLimits: limits(wd(3)),
    extraFields: [],
    isPublic: true,
    source: 'local',
  });
  for (const l of LOCAL)
    out.push({
      ...l,
      parentCode: 'LM1',
      kind: 'local',
      extraFields: [],
      isPublic: l.isPublic ?? true,
      source: 'local',
    });
  return out;
}
