import { describe, expect, it } from 'vitest';
import { cardPaymentMethod } from '@/tests/fixtures/stripe-payment-method';
import { objectOrderingKey } from './event-types';
import { normalizePaymentMethod } from './normalize-payment-method';
import { StripeNormalizeError } from './read';

const pm = () =>
  cardPaymentMethod('pm_1', 'cus_1', { brand: 'mastercard', last4: '4444', exp_month: 1, exp_year: 2027 });

describe('normalizePaymentMethod', () => {
  it('reads the card of an attached payment method', () => {
    expect(normalizePaymentMethod(pm())).toEqual({
      externalId: 'pm_1',
      type: 'card',
      customerExternalId: 'cus_1',
      detached: false,
      card: { brand: 'mastercard', last4: '4444', expMonth: 1, expYear: 2027, fingerprint: 'fppm_1' },
    });
  });

  it('a detached snapshot (customer null) or the detached event type is detached', () => {
    expect(normalizePaymentMethod({ ...pm(), customer: null })).toMatchObject({
      customerExternalId: null,
      detached: true,
    });
    expect(normalizePaymentMethod(pm(), { detached: true }).detached).toBe(true);
  });

  it('a non-card method has no card; a wrong object type or missing id is refused', () => {
    const { card: _card, ...rest } = pm();
    expect(normalizePaymentMethod({ ...rest, type: 'sepa_debit', sepa_debit: { last4: '3000' } }).card).toBeNull();
    expect(() => normalizePaymentMethod({ ...pm(), object: 'card' })).toThrow(StripeNormalizeError);
    expect(() => normalizePaymentMethod({ ...pm(), id: undefined })).toThrow(StripeNormalizeError);
  });

  it('orders snapshots: detached outranks attached in the same second; a later expiry outranks an earlier one', () => {
    const key = (type: string, object: Record<string, unknown>) =>
      objectOrderingKey({ type, created: 100, data: { object } }).objectVersionHint;
    expect(key('payment_method.attached', pm())).toEqual([0, 202701]);
    expect(key('payment_method.detached', { ...pm(), customer: null })).toEqual([1, 202701]);
    const renewed = { ...pm(), card: { ...(pm().card as object), exp_year: 2030 } };
    expect(key('payment_method.automatically_updated', renewed)).toEqual([0, 203001]);
  });
});
