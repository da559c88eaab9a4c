import { describe, expect, it } from 'vitest';
import { slaCreditPercent, uptimeBp } from './sla-credit';

describe('SLA credits', () => {
  it('computes uptime in basis points', () => {
    // 160 min down in a 30-day month (43,200 min): 1 − 160/43200 = 99.6296…% → 9962.96 bp
    expect(uptimeBp(160, 43_200)).toBeCloseTo(9962.96, 2);
    expect(uptimeBp(0, 43_200)).toBe(10_000);
    expect(uptimeBp(50_000, 43_200)).toBe(0);
  });

  it('applies the deepest tier reached', () => {
    const tiers = [
      { belowBp: 9990, creditPercent: 10 },
      { belowBp: 9950, creditPercent: 25 },
    ];
    expect(slaCreditPercent(9995, tiers)).toBe(0);
    expect(slaCreditPercent(9962.96, tiers)).toBe(10);
    expect(slaCreditPercent(9900, tiers)).toBe(25);
  });
});
