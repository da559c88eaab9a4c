import { describe, expect, it } from 'vitest';
import { amountOutlier } from './amount-outlier';

describe('amountOutlier', () => {
  const history = [4_000, 5_000, 5_500, 4_800, 5_200, 6_000, 4_500, 5_100, 4_900, 5_300];
  it('needs history before it calls anything an outlier', () => {
    expect(amountOutlier(history.slice(0, 9), 1_000_000).outlier).toBe(false);
  });
  it('flags an amount far above the usual ones and accepts ordinary ones', () => {
    expect(amountOutlier(history, 6_500).outlier).toBe(false);
    const v = amountOutlier(history, 50_000);
    expect(v.outlier).toBe(true);
    expect(v.threshold).toBeGreaterThan(6_000);
    expect(v.threshold).toBeLessThan(50_000);
  });
  it('keeps a band when every earlier amount was the same', () => {
    const same = Array(12).fill(1_000);
    expect(amountOutlier(same, 1_200).outlier).toBe(false);
    expect(amountOutlier(same, 5_000).outlier).toBe(true);
  });
});
