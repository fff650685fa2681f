import { describe, expect, it } from 'vitest';
import { TEST_TRAIN_OPTIONS, syntheticExamples } from './classifier.fixtures';
import { trainModel } from './classifier.model';
import { rankSimilarReports } from './classifier.similarity';

const model = trainModel(syntheticExamples(30, 1), TEST_TRAIN_OPTIONS);
const text = '幸福小区门口的垃圾站臭味很大，垃圾长期没人清运，污染环境';
const at = '2024-05-01T00:00:00Z';
const candidates = [
  { id: 'unrelated', text: '学校老师强制学生暑假补课，收取高额补课费', distanceMeters: 50, createdAt: at },
  { id: 'similar', text: '小区垃圾站没人清运，垃圾堆积发臭', distanceMeters: 300, createdAt: at },
  { id: 'same', text, distanceMeters: 900, createdAt: at },
];

describe('rankSimilarReports', () => {
  it('ranks the same text above a similar one above an unrelated one', () => {
    const ranked = rankSimilarReports(model, text, candidates);
    expect(ranked.map((r) => r.id)).toEqual(['same', 'similar', 'unrelated']);
    expect(ranked[0].similarity).toBeCloseTo(1, 3);
    expect(ranked[1].similarity).toBeGreaterThan(ranked[2].similarity);
  });
  it('applies the threshold, limit and distance/age filters', () => {
    expect(rankSimilarReports(model, text, candidates, { threshold: 0.2 }).map((r) => r.id)).toEqual([
      'same',
      'similar',
    ]);
    expect(rankSimilarReports(model, text, candidates, { limit: 1 }).map((r) => r.id)).toEqual(['same']);
    expect(rankSimilarReports(model, text, candidates, { maxDistanceMeters: 500 }).map((r) => r.id)).toEqual([
      'similar',
      'unrelated',
    ]);
    const now = new Date('2024-06-01T00:00:00Z');
    expect(rankSimilarReports(model, text, candidates, { maxAgeDays: 10, now })).toEqual([]);
  });
  it('gives similarity 0 to an empty candidate', () => {
    const [r] = rankSimilarReports(model, text, [{ id: 'e', text: '', distanceMeters: 0, createdAt: at }]);
    expect(r).toEqual({ id: 'e', similarity: 0 });
  });
});
