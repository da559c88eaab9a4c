import { describe, expect, it } from 'vitest';
import { fitLogistic, logLoss, sigmoid } from './logistic-regression';

// A tiny deterministic generator so the test does not depend on Math.random.
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('fitLogistic', () => {
  it('recovers the weights that generated the data', () => {
    const rand = lcg(7);
    const truth = [-0.5, 1.5, -2];
    const rows: number[][] = [];
    const labels: (0 | 1)[] = [];
    for (let i = 0; i < 20_000; i++) {
      const x = [1, rand() * 2 - 1, rand() * 2 - 1];
      const p = sigmoid(truth.reduce((s, w, j) => s + w * x[j]!, 0));
      rows.push(x);
      labels.push(rand() < p ? 1 : 0);
    }
    const fit = fitLogistic(rows, labels, { l2: 0.01 });
    fit.weights.forEach((w, j) => expect(w).toBeCloseTo(truth[j]!, 1));
    expect(fit.iterations).toBeLessThan(15);
    expect(fit.logLoss).toBeLessThan(logLoss([0, 0, 0], rows, labels));
  });

  it('stays finite on separable data thanks to the penalty', () => {
    const rows = [
      [1, -1],
      [1, -2],
      [1, 1],
      [1, 2],
    ];
    const fit = fitLogistic(rows, [0, 0, 1, 1], { l2: 1 });
    expect(Number.isFinite(fit.weights[1]!)).toBe(true);
    expect(fit.weights[1]).toBeGreaterThan(0);
  });
});
