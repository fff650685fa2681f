/**
 * Chinese personal and place names for demo data: common surnames weighted roughly by frequency
 * (with the Jianghan-plain favourites), given names by generation and gender, compound names.
 */
import { pick, type Random, weighted } from './demo.random';

const SURNAMES: readonly (readonly [string, number])[] = (
  [
    ['王', 72],
    ['李', 70],
    ['张', 66],
    ['刘', 62],
    ['陈', 48],
    ['杨', 34],
    ['黄', 26],
    ['周', 24],
    ['胡', 22],
    ['吴', 20],
    ['赵', 19],
    ['徐', 16],
    ['孙', 15],
    ['朱', 14],
    ['马', 13],
    ['郭', 12],
    ['何', 12],
    ['高', 12],
    ['罗', 11],
    ['林', 10],
    ['郑', 10],
    ['梁', 9],
    ['谢', 9],
    ['宋', 8],
    ['唐', 8],
    ['许', 7],
    ['邓', 7],
    ['韩', 7],
    ['冯', 7],
    ['曹', 6],
    ['彭', 7],
    ['曾', 6],
    ['肖', 6],
    ['田', 6],
    ['董', 5],
    ['袁', 5],
    ['潘', 5],
    ['蒋', 5],
    ['蔡', 5],
    ['余', 6],
    ['杜', 4],
    ['叶', 4],
    ['程', 4],
    ['魏', 4],
    ['吕', 3],
    ['丁', 3],
    ['沈', 3],
    ['姚', 3],
    ['卢', 3],
    ['熊', 5],
    ['谭', 4],
    ['夏', 3],
    ['付', 3],
    ['方', 3],
    ['邹', 3],
    ['向', 3],
    ['万', 3],
    ['龚', 3],
    ['严', 2],
    ['覃', 2],
    ['毛', 2],
    ['石', 2],
    ['喻', 2],
    ['汪', 3],
    ['范', 3],
    ['聂', 2],
    ['易', 2],
    ['童', 2],
    ['鲁', 2],
    ['殷', 2],
  ] as const
).map(([s, w]) => [s, w] as const);

const MALE: Record<Era, string> = {
  old: '国建德明华文忠富贵林山海福生春成志家清金学荣昌发兴长洪',
  mid: '伟强军勇杰涛斌刚平辉鹏波峰磊超亮俊健飞宏兵松鑫龙红兴',
  young: '浩宇轩博泽子然梓豪睿铭晨辰逸航瑞奕琛煜皓翔文俊嘉一',
};
const FEMALE: Record<Era, string> = {
  old: '秀英兰芳桂珍凤玉梅翠香华菊莲云淑琴凤娥春荣花',
  mid: '丽敏静艳娟霞燕红玲萍芳琳婷慧洁倩颖雪莉丹娜',
  young: '欣怡梓涵雨萱诗悦可馨语彤思佳子琪一诺若汐紫',
};

type Era = 'old' | 'mid' | 'young';
const split = (pool: Record<Era, string>) => ({ old: [...pool.old], mid: [...pool.mid], young: [...pool.young] });
const MALE_CHARS = split(MALE);
const FEMALE_CHARS = split(FEMALE);

function era(birthYear: number): Era {
  return birthYear < 1965 ? 'old' : birthYear < 2000 ? 'mid' : 'young';
}

export function surname(r: Random): string {
  return weighted(r, SURNAMES);
}

export function givenName(r: Random, gender: 'M' | 'F', birthYear: number): string {
  const chars = (gender === 'M' ? MALE_CHARS : FEMALE_CHARS)[era(birthYear)];
  const first = pick(r, chars);
  if (r() < (birthYear < 1965 ? 0.2 : 0.3)) return first;
  let second = pick(r, chars);
  if (second === first && r() < 0.7) second = pick(r, chars);
  return first + second;
}

const COMPOUND_HEADS = [
  ...'锦绣阳光滨江桂花翠竹金色楚天东方幸福和谐紫荆碧水江南香樟丽景书香盛世银杏南岳笔架天鹅绣林',
].reduce<string[]>((acc, c, i, all) => (i % 2 === 0 ? [...acc, c + all[i + 1]] : acc), []);
const COMPOUND_TAILS = ['花园', '小区', '家园', '苑', '新村', '华府', '名都', '雅居', '公寓', '佳园'];

/** Distinct compound names for one community, in a seeded order. */
export function compoundNames(r: Random, count: number): string[] {
  const names = new Set<string>();
  while (names.size < count) {
    const name = pick(r, COMPOUND_HEADS) + pick(r, COMPOUND_TAILS);
    if (names.has(name) && names.size < COMPOUND_HEADS.length * COMPOUND_TAILS.length) continue;
    names.add(names.has(name) ? `${name}${names.size + 1}期` : name);
  }
  return [...names];
}
