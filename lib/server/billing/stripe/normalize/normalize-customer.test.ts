import { describe, expect, it } from 'vitest';
import { normalizeCustomer } from './normalize-customer';
import { StripeNormalizeError } from './read';
import { readFixture } from '@/tests/fixtures/stripe-fixture-files';

const current = () => readFixture('objects-current-schema/customer.fixtures3.json');

describe('normalizeCustomer', () => {
  it('normalises the current-schema customer fixture', () => {
    expect(normalizeCustomer(current())).toEqual({
      externalId: 'cus_QXg1o8vcGmoR32',
      email: null,
      name: null,
      deleted: false,
      metadata: {},
      currency: 'usd',
      delinquent: false,
      defaultPaymentMethodExternalId: null,
      createdAt: new Date(1234567890 * 1000),
    });
  });

  it('reads the default card from invoice_settings, as an id or expanded', () => {
    const withDefault = (pm: unknown) =>
      normalizeCustomer({ ...current(), invoice_settings: { default_payment_method: pm } });
    expect(withDefault('pm_123').defaultPaymentMethodExternalId).toBe('pm_123');
    expect(withDefault({ id: 'pm_456', object: 'payment_method' }).defaultPaymentMethodExternalId).toBe('pm_456');
  });

  it('keeps string metadata and drops non-string values', () => {
    const record = normalizeCustomer({
      ...current(),
      email: 'ops@example.com',
      name: 'Acme',
      metadata: { plan: 'pro', n: 3 },
    });
    expect(record).toMatchObject({ email: 'ops@example.com', name: 'Acme', metadata: { plan: 'pro' } });
  });

  it('reads an old-version customer without currency / delinquent as null', () => {
    const { currency: _c, delinquent: _d, ...old } = current();
    expect(normalizeCustomer(old)).toMatchObject({ currency: null, delinquent: null });
  });

  it('handles a deleted-customer stub and the customer.deleted flag', () => {
    expect(normalizeCustomer({ id: 'cus_gone', object: 'customer', deleted: true })).toEqual({
      externalId: 'cus_gone',
      email: null,
      name: null,
      deleted: true,
      metadata: {},
      currency: null,
      delinquent: null,
      defaultPaymentMethodExternalId: null,
      createdAt: null,
    });
    expect(normalizeCustomer(current(), { deleted: true }).deleted).toBe(true);
  });

  it('throws with the field path when the id is missing, and rejects other object types', () => {
    const { id: _id, ...noId } = current();
    expect(() => normalizeCustomer(noId)).toThrow(StripeNormalizeError);
    expect(() => normalizeCustomer(noId)).toThrow(/customer\.id/);
    expect(() => normalizeCustomer({ id: 'in_1', object: 'invoice' })).toThrow(/customer\.object/);
    expect(() => normalizeCustomer(null)).toThrow(StripeNormalizeError);
  });
});
