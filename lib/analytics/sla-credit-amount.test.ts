import { describe, expect, it } from 'vitest';
import { calculateSlaCredit } from './sla-credit-amount';
import { inScope, validateCustomer, type TrafficRow } from './sla-cohort';

const terms = {
  uptimeTargetBp: 9995,
  windowDays: 30,
  tiers: [
    { belowBp: 9995, creditPercent: 10 },
    { belowBp: 9990, creditPercent: 25 },
    { belowBp: 9950, creditPercent: 50 },
  ],
  capPercent: 30,
  capMinor: null,
};

describe('calculateSlaCredit', () => {
  it('takes the deepest tier the uptime fell below, then the caps in order', () => {
    // 60 min of 43 200 → 99.86 %: below 99.95 and 99.90 → 25 %.
    const c = calculateSlaCredit(60, terms, { feeMinor: 100_000, invoiceTotalMinor: 120_000 });
    expect(c).toMatchObject({
      uptimeBp: 9986.11,
      breached: true,
      creditPercent: 25,
      rawMinor: 25_000,
      amountMinor: 25_000,
      cappedBy: null,
    });
    // 300 min → 99.30 %: 50 %, capped at 30 % of the fee.
    expect(calculateSlaCredit(300, terms, { feeMinor: 100_000, invoiceTotalMinor: 120_000 })).toMatchObject({
      creditPercent: 50,
      rawMinor: 50_000,
      amountMinor: 30_000,
      cappedBy: 'percent_of_fee',
    });
    // Never more than the invoice it is credited against.
    expect(
      calculateSlaCredit(300, { ...terms, capPercent: 100 }, { feeMinor: 100_000, invoiceTotalMinor: 20_000 }),
    ).toMatchObject({
      amountMinor: 20_000,
      cappedBy: 'invoice_total',
    });
  });

  it('credits nothing while the target is met', () => {
    expect(calculateSlaCredit(20, terms, { feeMinor: 100_000, invoiceTotalMinor: 100_000 })).toMatchObject({
      breached: false,
      creditPercent: 0,
      amountMinor: 0,
    });
  });
});

describe('validateCustomer', () => {
  const row = (minute: number, region: string, failed: boolean, requests = 10): TrafficRow => ({
    minute: minute * 60_000,
    region,
    service: 'api',
    endpoint: '/v1/charges',
    failed,
    requests,
  });
  const scope = { regions: ['us-east-1'], services: ['api'] };

  it('counts a minute as down at 5 % failures, and never a maintenance minute', () => {
    const rows = [
      row(0, 'us-east-1', true, 1),
      row(0, 'us-east-1', false, 19),
      row(1, 'us-east-1', true, 1),
      row(1, 'us-east-1', false, 99),
      row(2, 'us-east-1', true),
    ];
    const v = validateCustomer(rows, scope, [{ start: 2 * 60_000, end: 3 * 60_000 }]);
    expect(v).toMatchObject({ reason: 'in_cohort', downtimeMinutes: 1, measuredMinutes: 2, maintenanceFailures: 10 });
  });

  it('matches services by name or endpoint prefix, and empty scopes mean everything', () => {
    expect(
      inScope({ region: 'eu', service: '', endpoint: '/v1/charges/ch_1' }, { regions: [], services: ['/v1/charges'] }),
    ).toBe(true);
    expect(
      inScope({ region: 'eu', service: 'search', endpoint: '/v1/search' }, { regions: [], services: ['api'] }),
    ).toBe(false);
    expect(validateCustomer([row(0, 'eu-west-1', true)], scope, []).reason).toBe('errors_outside_scope');
    expect(validateCustomer([row(0, 'us-east-1', false)], scope, []).reason).toBe('no_errors');
    expect(validateCustomer([], scope, []).reason).toBe('no_traffic');
  });
});
