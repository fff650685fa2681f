/**
 * The problems a county starts with (editable in the console afterwards): the words villagers use,
 * each with the GB/T 47678.5 category (or the local one) its case is filed under. No term repeats
 * across entries (problem-words.test.ts checks it).
 */
export interface ProblemWordSeed {
  word: string;
  synonyms: string[];
  categoryCode: string;
}

export const DEFAULT_PROBLEM_WORDS: readonly ProblemWordSeed[] = [
  { word: '路灯不亮', categoryCode: '01037', synonyms: ['路灯', '路灯坏了', '灯不亮', '晚上黑', '路灯闪'] },
  { word: '垃圾没人清', categoryCode: '06010', synonyms: ['垃圾', '垃圾堆', '垃圾没人收', '乱扔垃圾', '垃圾成堆'] },
  { word: '垃圾桶满了', categoryCode: '06042', synonyms: ['垃圾桶', '垃圾箱满', '垃圾溢出', '垃圾站满'] },
  { word: '井盖坏了', categoryCode: '01023', synonyms: ['井盖', '井盖丢了', '井盖松动', '窨井盖', '没有井盖'] },
  { word: '楼道堆放杂物', categoryCode: 'L0001', synonyms: ['楼道堆物', '堵楼道', '楼道杂物', '杂物'] },
  { word: '违章搭建', categoryCode: '06001', synonyms: ['私搭乱建', '违建', '乱搭乱建', '搭棚子', '违章建筑'] },
  { word: '噪音扰民', categoryCode: '06028', synonyms: ['噪音', '噪声', '太吵', '吵闹', '广场舞'] },
  { word: '犬只扰民', categoryCode: '06038', synonyms: ['狗', '狗叫', '狗咬人', '流浪狗', '遛狗不牵绳', '犬'] },
  { word: '漏水', categoryCode: '01025', synonyms: ['水管破了', '爆管', '水管漏水', '跑水', '停水'] },
  { word: '道路坑洼', categoryCode: '06013', synonyms: ['坑洼', '路坏了', '路面破损', '坑', '路不平'] },
  { word: '下水道堵了', categoryCode: '01004', synonyms: ['下水道', '堵塞', '积水', '排水不畅', '淹水'] },
  { word: '污水乱排', categoryCode: '06030', synonyms: ['污水', '排污', '臭水', '废水'] },
  { word: '河道脏了', categoryCode: '06026', synonyms: ['河道污染', '河里垃圾', '水沟脏', '水塘脏', '死鱼'] },
  { word: '乱停车', categoryCode: '09009', synonyms: ['乱停乱放', '停车挡路', '占道停车', '汽车乱停'] },
  { word: '电动车乱停', categoryCode: '09010', synonyms: ['电动车', '自行车乱停', '共享单车', '单车'] },
  { word: '飞线充电', categoryCode: 'L0004', synonyms: ['电动车充电', '拉线充电', '楼道充电', '飞线'] },
  { word: '占道经营', categoryCode: '09006', synonyms: ['摆摊', '地摊', '小摊贩', '占道'] },
  { word: '乱贴小广告', categoryCode: '07001', synonyms: ['小广告', '牛皮癣', '乱贴广告', '贴广告'] },
  { word: '焚烧垃圾', categoryCode: '06020', synonyms: ['烧垃圾', '烧秸秆', '烧树叶', '冒烟'] },
  { word: '树倒了', categoryCode: '04002', synonyms: ['倒树', '断枝', '树枝', '大树', '树木倒伏'] },
  { word: '动物尸体', categoryCode: '06037', synonyms: ['死猫', '死狗', '死老鼠', '死动物'] },
  { word: '施工扰民', categoryCode: '08001', synonyms: ['施工噪音', '工地吵', '夜间施工'] },
  { word: '工地扬尘', categoryCode: '08004', synonyms: ['扬尘', '灰尘大', '尘土'] },
  { word: '占用消防通道', categoryCode: '09012', synonyms: ['消防通道', '堵消防通道', '生命通道'] },
  { word: '楼道灯坏了', categoryCode: 'L0003', synonyms: ['楼道灯', '楼梯灯', '声控灯', '楼道黑'] },
  { word: '门禁坏了', categoryCode: 'L0002', synonyms: ['门禁', '单元门', '门锁坏', '大门坏了'] },
  { word: '公共厕所脏', categoryCode: '03001', synonyms: ['厕所', '公厕', '旱厕', '厕所臭'] },
  { word: '健身器材坏了', categoryCode: '01046', synonyms: ['健身器材', '健身器', '运动器材'] },
  { word: '邻里纠纷', categoryCode: 'L0005', synonyms: ['吵架', '邻居矛盾', '纠纷', '打架'] },
  { word: '生活困难求助', categoryCode: 'L0006', synonyms: ['求助', '生活困难', '孤寡老人', '帮忙'] },
];
