import { describe, expect, it } from 'vitest';
import { normalizeDispute } from './normalize-dispute';
import { readFixture } from '@/tests/fixtures/stripe-fixture-files';

type Json = Record<string, any>;
const d = (seconds: number) => new Date(seconds * 1000);

describe('normalizeDispute', () => {
  it('reads the 2020-08-27 charge.dispute.created fixture', () => {
    const event = readFixture<Json>('events/charge.dispute.created.stripe-ruby-mock.json');
    expect(normalizeDispute(event.data.object)).toEqual({
      externalId: 'dp_000000000000000000000000',
      chargeExternalId: 'ch_000000000000000000000000',
      customerExternalId: null,
      paymentIntentExternalId: null,
      amount: 100,
      currency: 'usd',
      reason: 'fraudulent',
      status: 'warning_needs_response',
      evidenceDueBy: d(1649116799),
      createdAt: d(1648319940),
    });
  });

  it('reads the current-schema dispute fixture', () => {
    expect(normalizeDispute(readFixture('objects-current-schema/dispute.fixtures3.json'))).toMatchObject({
      externalId: 'dp_1Pgc71B7WZ01zgkWMevJiAUx',
      chargeExternalId: 'ch_1PgafuB7WZ01zgkWXYmPNZs8',
      amount: 1000,
      currency: 'usd',
      reason: 'general',
      status: 'warning_needs_response',
      evidenceDueBy: d(1723679999),
      createdAt: d(1234567890),
    });
  });

  it('takes the customer from an expanded charge', () => {
    const dispute = readFixture<Json>('objects-current-schema/dispute.fixtures3.json');
    const charge = readFixture<Json>('objects-current-schema/charge.fixtures3.json');
    const record = normalizeDispute({ ...dispute, charge: { ...charge, customer: 'cus_1' }, payment_intent: 'pi_1' });
    expect(record).toMatchObject({
      chargeExternalId: 'ch_1PgafuB7WZ01zgkWXYmPNZs8',
      customerExternalId: 'cus_1',
      paymentIntentExternalId: 'pi_1',
    });
  });

  it('throws with the field path when the charge is missing', () => {
    expect(() => normalizeDispute({ id: 'dp_1', object: 'dispute', charge: null })).toThrow(/dispute\.charge/);
  });
});
