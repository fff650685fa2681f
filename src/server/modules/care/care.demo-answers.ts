/** The nine answers of the demo's visits (one concern: the roof). */
import { DEFAULT_QUESTIONS } from './care.labels';

export const NINE_ANSWERS_DEMO = DEFAULT_QUESTIONS.map((q) => ({
  key: q.key,
  answer: q.key === 'housing_safety' ? '屋顶漏雨' : '还好',
  concern: q.key === 'housing_safety',
}));
