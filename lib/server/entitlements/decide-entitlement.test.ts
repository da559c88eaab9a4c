import { describe, expect, it } from 'vitest';
import { decideEntitlement } from './decide-entitlement';

const at = '2026-12-01T00:00:00.000Z';

describe('decideEntitlement', () => {
  it('uses the included quantity as the limit when there is no hard limit, and allows overage', () => {
    const m = { aggregation: 'sum' as const, included: 100, hardLimit: null, used: 95 };
    expect(decideEntitlement(m, 5, at)).toEqual({
      allowed: true,
      reason: 'within_limit',
      limit: 100,
      remaining: 5,
      used: 95,
      resetsAt: at,
    });
    expect(decideEntitlement(m, 6, at)).toMatchObject({ allowed: true, reason: 'overage', remaining: 5 });
    expect(decideEntitlement({ ...m, used: 130 }, 1, at)).toMatchObject({
      allowed: true,
      reason: 'overage',
      remaining: 0,
    });
  });

  it('refuses beyond a hard limit, counting the requested quantity', () => {
    const m = { aggregation: 'sum' as const, included: 100, hardLimit: 150, used: 145 };
    expect(decideEntitlement(m, 5, at)).toMatchObject({ allowed: true, reason: 'overage', limit: 150, remaining: 5 });
    expect(decideEntitlement(m, 6, at)).toMatchObject({ allowed: false, reason: 'limit_exceeded', remaining: 5 });
    expect(decideEntitlement({ ...m, used: 160 }, 0, at)).toMatchObject({ allowed: false, remaining: 0 });
  });

  it('compares the peak for max meters', () => {
    const m = { aggregation: 'max' as const, included: 10, hardLimit: 20, used: 12 };
    expect(decideEntitlement(m, 5, at)).toMatchObject({ allowed: true, reason: 'overage' });
    expect(decideEntitlement(m, 21, at)).toMatchObject({ allowed: false, reason: 'limit_exceeded' });
    expect(decideEntitlement({ ...m, used: 3 }, 9, at)).toMatchObject({ allowed: true, reason: 'within_limit' });
  });
});
