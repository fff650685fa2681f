/** Synthetic labelled reports for tests: three department lines with distinct vocabularies. */
import { DEFAULT_FEATURE_CONFIG } from './classifier.features';
import { seededRandom } from './classifier.metrics';
import type { Example, TrainOptions } from './classifier.model';

export const TOPIC_WORDS: Record<string, string[]> = {
  环境保护: ['垃圾', '污染', '噪音', '排污', '臭味', '废水', '粉尘', '焚烧'],
  交通运输: ['公交', '出租车', '红绿灯', '超载', '客运', '站台', '驾驶', '车辆'],
  教育文体: ['学校', '老师', '补课', '学生', '幼儿园', '学费', '招生', '校车'],
};

const FILLER = ['我们', '小区', '希望', '领导', '问题', '解决', '反映', '尽快', '附近', '居民', '现在', '长期'];

/** `perLabel` examples per topic, deterministic for a seed. */
export function syntheticExamples(
  perLabel: number,
  seed = 1,
  topics: Record<string, string[]> = TOPIC_WORDS,
): Example[] {
  const random = seededRandom(seed);
  const pick = (list: string[]): string => list[Math.floor(random() * list.length)];
  const out: Example[] = [];
  for (let i = 0; i < perLabel; i++) {
    for (const [label, words] of Object.entries(topics)) {
      const body = Array.from({ length: 10 }, (_, j) => (j % 3 === 0 ? pick(words) : pick(FILLER))).join('');
      out.push({ label, title: `${pick(FILLER)}${pick(words)}${pick(FILLER)}`, body: `${body}。` });
    }
  }
  return out;
}

/** Small, fast options for tests. */
export const TEST_TRAIN_OPTIONS: TrainOptions = {
  features: { ...DEFAULT_FEATURE_CONFIG, hashBits: 16, minDf: 1 },
  l2: 1e-4,
  epochs: 10,
  learningRate: 0.3,
  seed: 3,
  trainedAt: '2024-01-01',
};
