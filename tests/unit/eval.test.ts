import { describe, expect, it } from 'vitest';
import { precision, recall, scoreSets, sumScores } from '../eval/score.ts';
import { fixtureScores } from '../eval/extraction.eval.ts';

describe('eval scoring', () => {
  it.each([
    { expected: ['a', 'b', 'c'], found: ['a', 'b', 'x'], tp: 2, fp: 1, fn: 1, p: 2 / 3, r: 2 / 3 },
    { expected: ['a'], found: ['a', 'a'], tp: 1, fp: 0, fn: 0, p: 1, r: 1 },
    { expected: [], found: [], tp: 0, fp: 0, fn: 0, p: 1, r: 1 },
    { expected: ['a'], found: [], tp: 0, fp: 0, fn: 1, p: 1, r: 0 },
  ])('$expected vs $found', ({ expected, found, tp, fp, fn, p, r }) => {
    const s = scoreSets('s', 'f', expected, found);
    expect([s.tp, s.fp, s.fn]).toEqual([tp, fp, fn]);
    expect(precision(s)).toBeCloseTo(p);
    expect(recall(s)).toBeCloseTo(r);
  });

  it('sums rows per suite and field', () => {
    const rows = sumScores([
      { suite: 's', field: 'f', tp: 1, fp: 2, fn: 3 },
      { suite: 's', field: 'f', tp: 4, fp: 0, fn: 1 },
      { suite: 's', field: 'g', tp: 1, fp: 0, fn: 0 },
    ]);
    expect(rows).toEqual([
      { suite: 's', field: 'f', tp: 5, fp: 2, fn: 4 },
      { suite: 's', field: 'g', tp: 1, fp: 0, fn: 0 },
    ]);
  });
});

describe('extraction fixtures (hand-labelled, tests/eval/fixtures/extraction)', () => {
  it('every family and field scores at least 0.98 precision and recall', () => {
    const rows = fixtureScores().filter((r) => r.suite.startsWith('fixtures/'));
    expect(rows.length).toBeGreaterThanOrEqual(8 * 6);
    const below = rows.filter((r) => precision(r) < 0.98 || recall(r) < 0.98).map((r) => `${r.suite} ${r.field}: ${r.note ?? ''}`);
    expect(below).toEqual([]);
  });
});
