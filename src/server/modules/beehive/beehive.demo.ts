/**
 * Demo data of the beehive module (idempotent, every row is_demo): a station at each of Shishou's
 * real seat points (platform/geo/data/421081, Vonng/adcode CC BY 4.0), an agreement and a medicine
 * cabinet each, the 18 support measures (illustrative wording: the seed's own texts are not in the
 * repository; the county edits them), synthetic workers with a few requests, and the 人社 handler
 * account `renshe` (password Demo@2026) who answers them.
 */
import { auditSystem } from '../../platform/audit/audit';
import { maskPhone } from '../../platform/crypto/masking';
import type { Deps } from '../../platform/deps';
import { countyPlaces } from '../../platform/geo';
import { insertAssignment } from '../access';
import { findDivisions } from '../divisions';
import { findUserByPhoneIndex, findUserByUsername, hashPassword, insertUser } from '../identity';
import type { Queryable } from '../../platform/db/db';
import * as alliance from './alliance.repo';
import { helpDepartment, routeRequest } from './alliance.service';
import { platformKey } from './beehive.domain';
import type { HelpBody, MemberKind, RequestKind, StationKind } from './beehive.labels';
import * as help from './help.repo';
import { allStations, insertAgreement, insertStation, upsertMedicine } from './stations.repo';
import { newCheckinCode } from './stations.service';

const DAY = [[0, 1440]] as const;
const ALWAYS = [DAY, DAY, DAY, DAY, DAY, DAY, DAY].map((d) => d.map(([a, b]) => [a, b] as [number, number]));
const DAYTIME = Array.from({ length: 7 }, () => [[7 * 60, 21 * 60] as [number, number]]);

export const DEMO_MEASURES: { title: string; body: HelpBody }[] = [
  { title: '开通新就业群体欠薪维权绿色通道，三个工作日内受理', body: 'rsj' },
  { title: '灵活就业人员参加职工基本养老保险按规定给予社保补贴', body: 'rsj' },
  { title: '推行新就业形态人员职业伤害保障', body: 'rsj' },
  { title: '平台企业劳动用工指导与用工合规提醒', body: 'rsj' },
  { title: '免费职业技能培训并按规定发放培训补贴', body: 'rsj' },
  { title: '就业服务站提供岗位信息与创业担保贷款咨询', body: 'rsj' },
  { title: '新就业群体集中入会，工会会员普惠服务', body: 'zgh' },
  { title: '“暖蜂驿站”夏送清凉、冬送温暖', body: 'zgh' },
  { title: '困难骑手、快递员帮扶救助', body: 'zgh' },
  { title: '职工医疗互助保障活动覆盖新就业群体', body: 'zgh' },
  { title: '技能竞赛与“最美骑手”评选激励', body: 'zgh' },
  { title: '法律援助“绿色通道”，免于经济困难审查', body: 'sfj' },
  { title: '司法所驻站开展劳动争议人民调解', body: 'sfj' },
  { title: '交通事故与责任纠纷法律咨询', body: 'sfj' },
  { title: '普法进站点，每季度一次法律讲座', body: 'sfj' },
  { title: '督促平台公开计件单价、抽成比例等规则', body: 'scjg' },
  { title: '查处平台不正当价格行为与违规罚款', body: 'scjg' },
  { title: '沿街商户“友好商户”开放如厕、饮水', body: 'scjg' },
];

/** The alliance's members in the demo: 美团's local station answers its riders' requests on platform rules. */
const DEMO_MEMBERS: { name: string; kind: MemberKind; platform?: string; answers?: boolean }[] = [
  { name: '美团外卖石首站', kind: 'platform', platform: '美团', answers: true },
  { name: '饿了么石首站', kind: 'platform', platform: '饿了么' },
  { name: '顺丰速运石首营业部', kind: 'platform', platform: '顺丰' },
  { name: '石首市人力资源和社会保障局', kind: 'department' },
  { name: '石首市总工会', kind: 'department' },
  { name: '石首市司法局', kind: 'department' },
  { name: '石首市市场监督管理局', kind: 'department' },
  { name: '石首市快递物流行业协会', kind: 'association' },
];

async function seedAlliance(deps: Deps, tx: Queryable, passwordHash: string, now: Date) {
  for (const m of DEMO_MEMBERS) {
    const id = await alliance.saveMember(
      tx,
      null,
      {
        name: m.name,
        kind: m.kind,
        platformName: m.platform ?? null,
        platformKey: m.platform ? platformKey(m.platform) : null,
        departmentCode: null,
        partyOrgCode: null,
        joinedOn: '2025-06-01',
        leftOn: null,
        note: '（演示）',
        isDemo: true,
      },
      now,
    );
    if (!id || !m.answers) continue;
    const code = `${deps.config.countyCode}-pt-${id.replace(/-/g, '').slice(0, 12)}`;
    await help.ensureDepartment(tx, code, `${m.name}（本地站点）`, `${m.name} (local station)`, deps.config.countyCode);
    await alliance.setMemberDepartment(tx, id, code);
    // the station's staff who answer its riders' requests on platform rules
    if (!(await findUserByUsername(tx, 'meituan'))) {
      const userId = await insertUser(tx, {
        kind: 'staff',
        username: 'meituan',
        displayName: '美团石首站站长（演示）',
        passwordHash,
        isDemo: true,
      });
      await insertAssignment(tx, {
        userId,
        role: 'department_handler',
        scopeCode: deps.config.countyCode,
        departmentCode: code,
        grantedBy: null,
      });
    }
  }
}

const PLATFORMS = ['美团', '饿了么', '顺丰', '中通', '京东', '滴滴', '货拉拉'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = ['伟', '强', '磊', '军', '洋', '勇', '杰', '涛', '明', '超', '敏', '静', '丽', '斌'];

export async function beehiveDemo(deps: Deps): Promise<string | null> {
  const county = deps.config.countyCode;
  const existing = await allStations(deps.db);
  if (existing.length > 0) return null;
  const places = countyPlaces(county);
  const known = new Set(
    (
      await findDivisions(
        deps.db,
        places.map((p) => p.code),
      )
    ).map((d) => d.code),
  );
  const now = deps.clock.now();
  const year = now.getUTCFullYear();
  const passwordHash = await hashPassword('Demo@2026');
  return deps.db.ownerTransaction(async (tx) => {
    const stationIds: string[] = [];
    for (const [i, p] of places.entries()) {
      if (!known.has(p.code)) continue;
      const kind: StationKind = p.kind === 'town_seat' || p.kind === 'county_seat' ? 'beehive' : 'study_micro';
      const s = await insertStation(
        tx,
        {
          kind,
          name: `${p.name.replace(/村委会$/, '村').replace(/居委会$/, '社区')}${kind === 'beehive' ? '红色蜂巢' : '党员学习微站'}`,
          divisionCode: p.code,
          address: p.name,
          lng: p.point[0],
          lat: p.point[1],
          hours: i % 3 === 0 ? ALWAYS : DAYTIME,
          services: [
            'cooling',
            'heating',
            'drinking_water',
            'charging',
            'toilet',
            'rest',
            'emergency_medicine',
            ...(i % 2 ? ['microwave'] : []),
          ],
          responsibleOrg: `${p.name}党组织`,
          partyOrgCode: null,
          checkinCode: newCheckinCode(),
          isDemo: true,
        },
        now,
      );
      stationIds.push(s.id);
      // every fourth agreement ends within the renewal notice, to show the reminder
      const validTo =
        i % 4 === 0 ? new Date(now.getTime() + 20 * 86_400_000).toISOString().slice(0, 10) : `${year + 1}-12-31`;
      await insertAgreement(
        tx,
        {
          stationId: s.id,
          parties: [`${p.name}党组织`, '美团石首站', '顺丰石首营业部'],
          terms: '站点提供纳凉、取暖、饮水、充电、应急药品；平台企业组织骑手参与基层治理、协助维护站点。',
          validFrom: `${year}-01-01`,
          validTo,
        },
        now,
      );
      for (const [name, quantity, lowAt] of [
        ['创可贴', i % 5 === 0 ? 3 : 40, 10],
        ['藿香正气水', 12, 5],
        ['碘伏棉签', 20, 5],
      ] as const)
        await upsertMedicine(tx, { stationId: s.id, name, unit: '份', quantity, lowAt }, now);
    }
    for (const [i, m] of DEMO_MEASURES.entries())
      await help.upsertMeasure(tx, { number: i + 1, title: m.title, body: '', bodyKey: m.body, published: true }, now);
    // the 人社 handler who answers wage-arrears requests in the demo
    const rsj = await helpDepartment(deps, tx, 'rsj');
    if (!(await findUserByUsername(tx, 'renshe'))) {
      const id = await insertUser(tx, {
        kind: 'staff',
        username: 'renshe',
        displayName: '人社局办理人（演示）',
        passwordHash,
        isDemo: true,
      });
      await insertAssignment(tx, {
        userId: id,
        role: 'department_handler',
        scopeCode: county,
        departmentCode: rsj,
        grantedBy: null,
      });
    }
    await seedAlliance(deps, tx, passwordHash, now);
    let workers = 0;
    for (let i = 0; i < 24; i++) {
      const phone = `1391500${String(1000 + i).padStart(4, '0')}`;
      const phoneIndex = deps.crypto.blindIndex('phone', phone);
      if (await findUserByPhoneIndex(tx, phoneIndex)) continue;
      const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`;
      const userId = await insertUser(tx, {
        kind: 'resident',
        displayName: name,
        phoneCipher: deps.crypto.encrypt(phone),
        phoneIndex,
        phoneMasked: maskPhone(phone),
        isDemo: true,
      });
      const workerId = await help.insertWorker(
        tx,
        {
          userId,
          name,
          workKind: i % 3 === 0 ? 'courier' : 'rider',
          platform: PLATFORMS[i % PLATFORMS.length],
          stationId: stationIds[i % stationIds.length] ?? null,
          partyMember: i % 4 === 0,
          consentVersion: 'demo',
          isDemo: true,
        },
        now,
      );
      workers++;
      if (workerId && i < 5) {
        const kind: RequestKind = (['wage_arrears', 'insurance', 'dispute', 'training', 'platform_rules'] as const)[i];
        const route = await routeRequest(deps, tx, kind, PLATFORMS[i % PLATFORMS.length]);
        await help.insertRequest(
          tx,
          {
            workerId,
            kind,
            bodyKey: route.body,
            departmentCode: route.department,
            stationId: stationIds[0] ?? null,
            description:
              '（演示）' +
              [
                '配送站拖欠两个月工资',
                '想了解灵活就业社保补贴',
                '与商家就餐损赔偿发生纠纷',
                '想报名电工培训',
                '超时罚款规则不透明，申诉无人处理',
              ][i],
            measureIds: [],
            dueAt: new Date(now.getTime() + 7 * 86_400_000),
            isDemo: true,
          },
          now,
        );
      }
    }
    await auditSystem(tx, 'demo-seed', {
      action: 'beehive.station_create',
      entityType: 'station',
      scopeCode: county,
      after: { stations: stationIds.length, workers },
    });
    return `beehive: ${stationIds.length} stations at the county's seat points, ${DEMO_MEASURES.length} measures, ${workers} workers`;
  });
}
