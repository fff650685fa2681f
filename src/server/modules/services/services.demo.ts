/**
 * Demo data for services (cocreate demo; idempotent): in 高基庙镇 / 百子庵村, at the seed's proportions
 * in miniature — the county's errand items, four partner units (机关, 企事业, 两新), a work group,
 * six embedded cadres (two with accounts), activities past and coming (one with confirmed hours),
 * errands in each state (one thanked with a 锦旗), and the village's 一社一品.
 */
import { auditSystem } from '../../platform/audit/audit';
import { addWorkingDays } from '../../platform/calendar/working-time';
import { maskPhone } from '../../platform/crypto/masking';
import type { Queryable } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { findUserByPhoneIndex, insertUser } from '../identity';
import * as acts from './activities.repo';
import * as errands from './errands.repo';
import type { ErrandState, UnitKind } from './services.labels';
import * as units from './units.repo';

const TOWN = '421081107';
const VILLAGE = '421081107212';
const NEIGHBOUR = '421081107201';
const DEMO_RESIDENT_PHONE = '13800000001';
const HOUR = 3_600_000;

const ITEMS = [
  { code: 'shebao_card', name: '社保卡补换', kind: '社会保障', documents: ['身份证', '一寸照片'], timeLimitDays: 5 },
  { code: 'pension_cert', name: '养老金资格认证', kind: '社会保障', documents: ['身份证'], timeLimitDays: 3 },
  {
    code: 'medical_claim',
    name: '医保报销',
    kind: '医疗保障',
    documents: ['身份证', '发票', '出院小结'],
    timeLimitDays: 10,
  },
  {
    code: 'disability_card',
    name: '残疾证办理',
    kind: '民政',
    documents: ['身份证', '户口簿', '照片'],
    timeLimitDays: 15,
  },
  { code: 'household_cert', name: '户籍证明', kind: '户籍', documents: ['户口簿'], timeLimitDays: 2 },
];
const UNITS: { code: string; name: string; kind: UnitKind }[] = [
  { code: 'DEMO-ZRZY', name: '石首市自然资源和规划局', kind: 'organ' },
  { code: 'DEMO-RSJ', name: '石首市人力资源和社会保障局', kind: 'organ' },
  { code: 'DEMO-GDGS', name: '国网石首市供电公司', kind: 'enterprise' },
  { code: 'DEMO-KDXH', name: '石首市快递物流协会', kind: 'two_new' },
];
const CADRES = [
  { name: '周建华', phone: '17707160001', unit: 0, village: VILLAGE, account: true },
  { name: '吴晓梅', phone: '17707160002', unit: 1, village: VILLAGE, account: true },
  { name: '郑国强', phone: '17707160003', unit: 2, village: VILLAGE, account: false },
  { name: '王丽', phone: '17707160004', unit: 3, village: VILLAGE, account: false },
  { name: '陈志明', phone: '17707160005', unit: 0, village: NEIGHBOUR, account: false },
  { name: '刘芳', phone: '17707160006', unit: 2, village: NEIGHBOUR, account: false },
];

async function accountFor(q: Queryable, deps: Deps, c: (typeof CADRES)[number]): Promise<string> {
  const phoneIndex = deps.crypto.blindIndex('phone', c.phone);
  const found = await findUserByPhoneIndex(q, phoneIndex);
  if (found) return found.id;
  return insertUser(q, {
    kind: 'resident',
    displayName: `${c.name}（下沉干部）`,
    phoneCipher: deps.crypto.encrypt(c.phone),
    phoneIndex,
    phoneMasked: maskPhone(c.phone),
    homeDivisionCode: c.village,
    isDemo: true,
  });
}

export async function seedServicesDemo(deps: Deps): Promise<string | null> {
  if ((await units.unitIdsByCode(deps.db, [UNITS[0].code])).size > 0) return null;
  const now = deps.clock.now();
  const county = deps.config.countyCode;
  return deps.db.transaction(async (tx) => {
    const itemIds = [];
    for (const i of ITEMS) itemIds.push(await errands.upsertItem(tx, county, { ...i, active: true }, true));
    const unitIds = [];
    for (const u of UNITS)
      unitIds.push(await units.upsertUnit(tx, { ...u, scopeCode: TOWN, contact: '办公室', isDemo: true }, now));
    const group = await units.upsertGroup(tx, {
      unitId: unitIds[0],
      name: '驻百子庵村工作组',
      leader: '周建华',
      villages: [VILLAGE, NEIGHBOUR],
      isDemo: true,
    });
    const handlers: string[] = [];
    for (const c of CADRES) {
      await units.upsertCadre(tx, {
        unitId: unitIds[c.unit],
        name: c.name,
        phoneCipher: deps.crypto.encrypt(c.phone),
        phoneIndex: deps.crypto.blindIndex('phone', c.phone),
        phoneMasked: maskPhone(c.phone),
        communityCode: c.village,
        gridCode: null,
        since: '2026-03-01',
        workGroupId: c.unit === 0 ? group : null,
        isDemo: true,
      });
      if (c.account) handlers.push(await accountFor(tx, deps, c));
    }

    const centre = (await units.villageCentre(tx, VILLAGE)) ?? { lng: 112.42, lat: 29.72 };
    const day = (d: number, hour: number) =>
      new Date(Math.floor(now.getTime() / 86_400_000 + d) * 86_400_000 + (hour - 8) * HOUR);
    const activities = [
      { title: '百子庵村环境整治志愿服务', kind: 'clean_up', d: -7, capacity: 20, unit: null },
      { title: '电力安全进农户', kind: 'consultation', d: -3, capacity: 10, unit: 2 },
      { title: '重阳敬老志愿服务', kind: 'care', d: 1, capacity: 15, unit: null },
      { title: '社保政策宣讲', kind: 'consultation', d: 3, capacity: 30, unit: 1 },
      { title: '主题党日：清洁家园', kind: 'party_day', d: 7, capacity: 40, unit: null },
    ] as const;
    const ids: string[] = [];
    for (const a of activities)
      ids.push(
        await acts.insertActivity(tx, {
          title: a.title,
          kind: a.kind,
          description: '演示活动',
          divisionCode: VILLAGE,
          organiserKind: a.unit === null ? 'community' : 'unit',
          unitId: a.unit === null ? null : unitIds[a.unit],
          partyOrgCode: null,
          place: '百子庵村党群服务中心',
          lng: centre.lng,
          lat: centre.lat,
          radiusM: 500,
          startsAt: day(a.d, 9),
          endsAt: day(a.d, 11),
          capacity: a.capacity,
          audience: 'everyone',
          checkinCode: String(100_000 + ids.length * 111_111).slice(0, 6),
          createdBy: null,
          now,
          isDemo: true,
        }),
      );
    // the first cadre served two hours at the first activity, confirmed
    const signup = await acts.upsertSignup(tx, ids[0], handlers[0], 'enrolled', day(-8, 9));
    await acts.addEnrolled(tx, ids[0], 1);
    await acts.recordAttendance(tx, signup, 'checkin', { at: day(-7, 9), ...centre, by: handlers[0] });
    await acts.recordAttendance(tx, signup, 'checkout', { at: day(-7, 11), ...centre, by: handlers[0] });
    await acts.confirmHours(tx, signup, { hours: 2, at: day(-7, 12), by: handlers[1] });

    const requester = await findUserByPhoneIndex(tx, deps.crypto.blindIndex('phone', DEMO_RESIDENT_PHONE));
    let made = 0;
    if (requester) {
      const states: ErrandState[] = ['requested', 'assigned', 'accepted', 'done', 'failed', 'cancelled'];
      for (const [i, state] of states.entries()) {
        const at = day(-10 + i, 10);
        const id = await errands.insertErrand(tx, {
          itemId: itemIds[i % itemIds.length],
          divisionCode: VILLAGE,
          requesterId: requester.id,
          filedBy: null,
          onBehalfReason: null,
          detailsCipher: deps.crypto.encrypt(JSON.stringify({ notes: '腿脚不便，请上门代办', documents: [] })),
          dueAt: addWorkingDays(at, ITEMS[i % ITEMS.length].timeLimitDays),
          now: at,
          isDemo: true,
        });
        await errands.insertEvent(tx, { errandId: id, at, actorId: requester.id, kind: 'requested', noteCipher: null });
        const handled = state !== 'requested' && state !== 'cancelled';
        await errands.updateErrand(tx, id, {
          state,
          ...(handled ? { handlerId: handlers[i % 2], assignedAt: at } : {}),
          ...(['accepted', 'done', 'failed'].includes(state) ? { acceptedAt: at } : {}),
          ...(state === 'done' || state === 'failed'
            ? {
                finishedAt: new Date(at.getTime() + 26 * HOUR),
                outcome: state === 'done' ? '已办结，材料送达' : '材料不全，已告知补充',
              }
            : {}),
          ...(state === 'done'
            ? { rating: 5, ratingComment: '党员干部跑腿，太贴心了', ratedAt: now, thanks: 'banner', thankedAt: now }
            : {}),
        });
        made++;
      }
    }
    await units.upsertSignature(tx, {
      divisionCode: VILLAGE,
      name: '红色代办·百子庵',
      description: '党员和下沉干部为高龄、行动不便的村民上门代办社保、医保、户籍等事项',
      now,
      by: null,
      isDemo: true,
    });
    await auditSystem(tx, 'demo-seed', {
      action: 'services.register_import',
      entityType: 'partner_register',
      entityId: 'demo',
      after: { units: UNITS.length, cadres: CADRES.length, activities: ids.length, errands: made },
    });
    return `services: ${UNITS.length} partner units, ${CADRES.length} cadres, ${ids.length} activities, ${made} errands, 1 signature service`;
  });
}
