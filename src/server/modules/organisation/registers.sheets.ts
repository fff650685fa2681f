/**
 * The registers (台账) offices keep, as sheet specs: Chinese and English headers, formats, and the
 * mapping from a sheet row to the module's records. Templates, imports and exports all use these.
 */
import type { ColumnSpec, SheetSpec } from '../../platform/sheets';
import { RELATION_LABELS } from './organisation.labels';
import { idProblemOf, makeIdNumber, parseIdNumber } from './id-number';
import type {
  BuildingRecord,
  GridRecord,
  HouseholdRecord,
  LinkRecord,
  PartyMemberRecord,
  ResidentRecord,
} from './records';
import { REGISTER_TITLES } from './organisation.labels';
import type { SheetKind } from './organisation.write';

const digits = (
  n: number,
  zh: string,
  en: string,
  example: string,
  key: string,
  header: [string, string],
): ColumnSpec<Record<string, unknown>> => ({
  key,
  header: { zh: header[0], en: header[1] },
  required: true,
  type: 'string',
  normalizeWidth: true,
  example,
  width: n + 4,
  pattern: { regex: new RegExp(`^\\d{${n}}$`), description: { zh, en } },
});

const idColumn = (key: string, header: [string, string], unique: boolean): ColumnSpec<Record<string, unknown>> => ({
  key,
  header: { zh: header[0], en: header[1] },
  required: true,
  type: 'string',
  normalizeWidth: true,
  unique,
  example: makeIdNumber('421081', '19800101', 1),
  width: 22,
  parse: (raw) => {
    const r = parseIdNumber(raw);
    if (r.ok) return { ok: true, value: r.value.idNumber };
    const reason = {
      format: { zh: '身份证号应为 18 位（末位可为 X）', en: 'an ID number has 18 characters (the last may be X)' },
      birth_date: { zh: '身份证号中的出生日期无效', en: 'the birth date in the ID number is not valid' },
      checksum: { zh: '身份证号校验位错误（GB 11643）', en: 'the ID number check character is wrong (GB 11643)' },
    }[idProblemOf(r) ?? 'format'];
    return { ok: false, reason, code: `id_${idProblemOf(r)}` };
  },
});

const lngLat = (key: 'lng' | 'lat'): ColumnSpec<Record<string, unknown>> => ({
  key,
  header: key === 'lng' ? { zh: '经度', en: 'Longitude' } : { zh: '纬度', en: 'Latitude' },
  required: false,
  type: 'number',
  example: key === 'lng' ? '112.4196' : '29.7233',
  note: { zh: 'WGS-84（CGCS2000）', en: 'WGS-84 (CGCS2000)' },
});

const bool = (key: string, zh: string, en: string): ColumnSpec<Record<string, unknown>> => ({
  key,
  header: { zh, en },
  required: false,
  type: 'boolean',
  example: '否',
});

type Row = Record<string, unknown>;

export interface Register<R> {
  spec: SheetSpec<Row>;
  toRecord(row: Row): R;
  /** The code whose subtree must be in the importer's scope. */
  placeOf(row: Row): string;
}

const point = (r: Row): [number, number] | null =>
  typeof r.lng === 'number' && typeof r.lat === 'number' ? [r.lng, r.lat] : null;

export const REGISTERS: { [K in SheetKind]?: Register<unknown> } = {
  grids: {
    spec: {
      name: 'grids',
      title: REGISTER_TITLES.grids,
      columns: [
        digits(
          15,
          '网格编码为 15 位数字（村/社区代码 + 3 位）',
          'a grid code has 15 digits (village code + 3)',
          '421081107212001',
          'code',
          ['网格编码', 'Grid code'],
        ),
        {
          key: 'name',
          header: { zh: '网格名称', en: 'Grid name' },
          required: true,
          type: 'string',
          maxLength: 60,
          example: '百子庵村第一网格',
        },
        {
          key: 'polygon',
          header: { zh: '范围（GeoJSON）', en: 'Area (GeoJSON)' },
          required: false,
          type: 'string',
          example: '',
          note: { zh: 'Polygon，WGS-84', en: 'a Polygon, WGS-84' },
          parse: (raw) => {
            try {
              const g = JSON.parse(raw) as { type?: string; coordinates?: unknown };
              if (g.type === 'Polygon' && Array.isArray(g.coordinates)) return { ok: true, value: g };
            } catch {
              /* reported below */
            }
            return { ok: false, reason: { zh: '范围应为 GeoJSON Polygon', en: 'the area must be a GeoJSON Polygon' } };
          },
        },
      ],
    },
    toRecord: (r): GridRecord => ({
      code: String(r.code),
      name: String(r.name),
      polygon: (r.polygon as GridRecord['polygon']) ?? null,
      synthetic: false,
    }),
    placeOf: (r) => String(r.code),
  },
  buildings: {
    spec: {
      name: 'buildings',
      title: REGISTER_TITLES.buildings,
      columns: [
        digits(
          18,
          '楼栋编码为 18 位数字（网格编码 + 3 位）',
          'a building code has 18 digits (grid code + 3)',
          '421081107212001001',
          'code',
          ['楼栋编码', 'Building code'],
        ),
        {
          key: 'name',
          header: { zh: '楼栋名称', en: 'Building name' },
          required: true,
          type: 'string',
          maxLength: 60,
          example: '1栋',
        },
        {
          key: 'compoundCode',
          header: { zh: '小区/村民小组编码', en: 'Compound or villager group code' },
          required: false,
          type: 'string',
          normalizeWidth: true,
          example: '421081107212C001',
          pattern: {
            regex: /^\d{12}C\d{3}$/,
            description: { zh: '村/社区代码 + C + 3 位', en: 'village code + C + 3 digits' },
          },
        },
        lngLat('lng'),
        lngLat('lat'),
      ],
    },
    toRecord: (r): BuildingRecord => ({
      code: String(r.code),
      name: String(r.name),
      compoundCode: (r.compoundCode as string) ?? null,
      point: point(r),
    }),
    placeOf: (r) => String(r.code),
  },
  households: {
    spec: {
      name: 'households',
      title: REGISTER_TITLES.households,
      columns: [
        {
          ...digits(
            22,
            '户编码为 22 位数字（网格 15 位 + 楼栋 3 位 + 户 4 位）',
            'a household code has 22 digits (grid 15 + building 3 + household 4)',
            '4210811072120010000001',
            'code',
            ['户编码', 'Household code'],
          ),
          unique: true,
        },
        {
          key: 'address',
          header: { zh: '地址', en: 'Address' },
          required: true,
          type: 'string',
          maxLength: 120,
          example: '石首市高基庙镇百子庵村1组1号',
        },
        lngLat('lng'),
        lngLat('lat'),
      ],
    },
    toRecord: (r): HouseholdRecord => ({ code: String(r.code), address: String(r.address), point: point(r) }),
    placeOf: (r) => String(r.code),
  },
  residents: {
    spec: {
      name: 'residents',
      title: REGISTER_TITLES.residents,
      columns: [
        digits(22, '户编码为 22 位数字', 'a household code has 22 digits', '4210811072120010000001', 'householdCode', [
          '户编码',
          'Household code',
        ]),
        {
          key: 'name',
          header: { zh: '姓名', en: 'Name' },
          required: true,
          type: 'string',
          maxLength: 40,
          example: '王建国',
        },
        idColumn('idNumber', ['身份证号', 'ID number'], true),
        {
          key: 'phone',
          header: { zh: '手机号', en: 'Mobile phone' },
          required: false,
          type: 'string',
          normalizeWidth: true,
          example: '13800000000',
          pattern: {
            regex: /^(\+?86)?1[3-9]\d{9}$/,
            description: { zh: '11 位手机号码', en: 'an 11-digit mobile number' },
          },
        },
        {
          key: 'relation',
          header: { zh: '与户主关系', en: 'Relation to householder' },
          required: true,
          type: 'enum',
          example: '户主',
          enumValues: Object.entries(RELATION_LABELS).map(([value, l]) => ({ value, ...l })),
        },
      ],
    },
    toRecord: (r): ResidentRecord => ({
      householdCode: String(r.householdCode),
      name: String(r.name),
      idNumber: String(r.idNumber),
      phone: (r.phone as string) ?? null,
      relation: r.relation as ResidentRecord['relation'],
    }),
    placeOf: (r) => String(r.householdCode),
  },
  partyMembers: {
    spec: {
      name: 'partyMembers',
      title: REGISTER_TITLES.partyMembers,
      columns: [
        idColumn('idNumber', ['身份证号', 'ID number'], true),
        {
          key: 'orgCode',
          header: { zh: '党组织编码', en: 'Party organisation code' },
          required: true,
          type: 'string',
          normalizeWidth: true,
          example: '421081107212-01',
          pattern: {
            regex: /^\d{6,15}-\d{2}$/,
            description: { zh: '区划或网格代码-两位序号', en: 'division or grid code, a dash, 2 digits' },
          },
        },
        {
          key: 'membership',
          header: { zh: '党员类别', en: 'Membership' },
          required: true,
          type: 'enum',
          example: '正式党员',
          enumValues: [
            { value: 'full', zh: '正式党员', en: 'Full member' },
            { value: 'probationary', zh: '预备党员', en: 'Probationary member' },
          ],
        },
        {
          key: 'joinedOn',
          header: { zh: '入党日期', en: 'Joined on' },
          required: true,
          type: 'date',
          example: '2001-07-01',
        },
        bool('embeddedCadre', '下沉党员', 'Embedded cadre'),
        bool('woodpecker', '啄木鸟志愿者', 'Woodpecker volunteer'),
      ],
    },
    toRecord: (r): PartyMemberRecord => ({
      idNumber: String(r.idNumber),
      orgCode: String(r.orgCode),
      membership: r.membership as 'full' | 'probationary',
      joinedOn: String(r.joinedOn),
      embeddedCadre: r.embeddedCadre === true,
      woodpecker: r.woodpecker === true,
    }),
    placeOf: (r) => String(r.orgCode).split('-')[0],
  },
  links: {
    spec: {
      name: 'links',
      title: REGISTER_TITLES.links,
      columns: [
        idColumn('memberIdNumber', ['党员身份证号', 'Party member ID number'], false),
        digits(22, '户编码为 22 位数字', 'a household code has 22 digits', '4210811072120010000001', 'householdCode', [
          '联系户编码',
          'Household code',
        ]),
        bool('hub', '党员中心户', 'Hub household'),
      ],
    },
    toRecord: (r): LinkRecord => ({
      memberIdNumber: String(r.memberIdNumber),
      householdCode: String(r.householdCode),
      hub: r.hub === true,
    }),
    placeOf: (r) => String(r.householdCode),
  },
};
