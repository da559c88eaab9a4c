import { describe, expect, it } from 'vitest';
import { compareUsageFigures, type UsageFigures } from './compare-usage-figures';

const clean: UsageFigures = {
  accepted: 1000,
  rolledUp: 1000,
  forwarded: 1000,
  acknowledged: 1000,
  unacknowledgedEvents: 0,
  flaggedEvents: 0,
  stripeReported: 1000,
  invoiced: 1000,
};
const exact = { ratio: 0, units: 0 };

describe('compareUsageFigures', () => {
  it('finds nothing when every source agrees', () => {
    expect(compareUsageFigures(clean, exact)).toEqual([]);
    expect(compareUsageFigures({ ...clean, rolledUp: null, stripeReported: null, invoiced: null }, exact)).toEqual([]);
  });

  it('names the hop where usage went missing', () => {
    expect(
      compareUsageFigures(
        { ...clean, acknowledged: 990, unacknowledgedEvents: 3, stripeReported: 990, invoiced: 990 },
        exact,
      ),
    ).toEqual(['3 event(s) not acknowledged by Stripe (10 units)']);
    expect(compareUsageFigures({ ...clean, invoiced: 900 }, exact)).toEqual([
      'Invoice line quantity 900 differs from 1000 metered',
    ]);
    expect(compareUsageFigures({ ...clean, stripeReported: 1200 }, exact)).toEqual([
      "Stripe's meter summary shows 1200, Stripe acknowledged 1000",
      'Invoice line quantity 1000 differs from 1200 metered',
    ]);
    expect(compareUsageFigures({ ...clean, flaggedEvents: 2 }, exact)).toEqual([
      '2 event(s) flagged, not forwarded to Stripe',
    ]);
  });

  it('ignores differences within the tolerance', () => {
    expect(compareUsageFigures({ ...clean, invoiced: 996 }, { ratio: 0.005, units: 0 })).toEqual([]);
    expect(compareUsageFigures({ ...clean, invoiced: 994 }, { ratio: 0.005, units: 0 })).toHaveLength(1);
    expect(compareUsageFigures({ ...clean, invoiced: 994 }, { ratio: 0.005, units: 10 })).toEqual([]);
  });
});
