import { describe, expect, it } from 'vitest';
import { normalizePaymentFailure } from './normalize-payment-failure';
import { StripeNormalizeError } from './read';
import { readFixture } from '@/tests/fixtures/stripe-fixture-files';

type Json = Record<string, any>;
const d = (seconds: number) => new Date(seconds * 1000);
const charge = () => readFixture<Json>('objects-current-schema/charge.fixtures3.json');
const intent = () => readFixture<Json>('objects-current-schema/payment_intent.fixtures3.json');
const failedInvoiceEvent = () => readFixture<Json>('events/invoice.payment_failed.stripe-ruby-mock.json');

describe('normalizePaymentFailure — charge (charge.failed)', () => {
  it('reads the current-schema charge fixture (a succeeded charge: no failure fields, no customer)', () => {
    expect(normalizePaymentFailure(charge())).toEqual({
      externalId: 'ch_1PgafuB7WZ01zgkWXYmPNZs8',
      source: 'charge',
      customerExternalId: null,
      invoiceExternalId: null,
      chargeExternalId: 'ch_1PgafuB7WZ01zgkWXYmPNZs8',
      paymentIntentExternalId: null,
      amount: 100,
      currency: 'usd',
      failureCode: null,
      failureMessage: null,
      attemptCount: null,
      attemptedAt: d(1234567890),
    });
  });

  it('reads a declined pre-basil charge with its invoice link', () => {
    const record = normalizePaymentFailure({
      ...charge(),
      status: 'failed',
      paid: false,
      customer: 'cus_1',
      invoice: 'in_1',
      payment_intent: { id: 'pi_1', object: 'payment_intent' },
      failure_code: 'card_declined',
      failure_message: 'Your card was declined.',
    });
    expect(record).toMatchObject({
      customerExternalId: 'cus_1',
      invoiceExternalId: 'in_1',
      paymentIntentExternalId: 'pi_1',
      failureCode: 'card_declined',
      failureMessage: 'Your card was declined.',
    });
  });

  it('prefers the specific outcome.reason over the umbrella card_declined', () => {
    const record = normalizePaymentFailure({
      ...charge(),
      failure_code: 'card_declined',
      outcome: {
        reason: 'insufficient_funds',
        seller_message: 'The bank returned the decline code `insufficient_funds`.',
      },
    });
    expect(record.failureCode).toBe('insufficient_funds');
    expect(
      normalizePaymentFailure({ ...charge(), failure_code: 'expired_card', outcome: { reason: 'x' } }).failureCode,
    ).toBe('expired_card');
  });

  it('falls back to outcome.reason / seller_message', () => {
    const record = normalizePaymentFailure({
      ...charge(),
      outcome: { reason: 'highest_risk_level', seller_message: 'Stripe blocked this payment as too risky.' },
    });
    expect(record).toMatchObject({
      failureCode: 'highest_risk_level',
      failureMessage: 'Stripe blocked this payment as too risky.',
    });
  });
});

describe('normalizePaymentFailure — payment intent (payment_intent.payment_failed)', () => {
  it('reads the current-schema fixture (last_payment_error has only a type)', () => {
    expect(normalizePaymentFailure(intent(), { eventCreated: 1735689600 })).toEqual({
      externalId: 'pi_1PgafyB7WZ01zgkWSjxsAJo3',
      source: 'payment_intent',
      customerExternalId: null,
      invoiceExternalId: null,
      chargeExternalId: null,
      paymentIntentExternalId: 'pi_1PgafyB7WZ01zgkWSjxsAJo3',
      amount: 1099,
      currency: 'usd',
      failureCode: 'idempotency_error',
      failureMessage: null,
      attemptCount: null,
      attemptedAt: d(1735689600),
    });
    expect(normalizePaymentFailure(intent()).attemptedAt).toEqual(d(1234567890));
  });

  it('reads a card decline with its charge and customer', () => {
    const record = normalizePaymentFailure({
      ...intent(),
      customer: 'cus_1',
      invoice: 'in_1',
      latest_charge: { id: 'ch_latest', object: 'charge', created: 1735689500 },
      last_payment_error: {
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'generic_decline',
        message: 'Your card was declined.',
        charge: 'ch_err',
      },
    });
    expect(record).toMatchObject({
      customerExternalId: 'cus_1',
      invoiceExternalId: 'in_1',
      chargeExternalId: 'ch_err',
      // The specific decline_code, not the umbrella card_declined: it is what dunning classifies.
      failureCode: 'generic_decline',
      failureMessage: 'Your card was declined.',
      attemptedAt: d(1735689500),
    });
  });
});

describe('normalizePaymentFailure — invoice (invoice.payment_failed)', () => {
  it('reads the 2020-08-27 fixture: charge and payment intent linked directly', () => {
    const event = failedInvoiceEvent();
    expect(normalizePaymentFailure(event.data.object, { eventCreated: event.created })).toEqual({
      externalId: 'in_000000000000000000000000',
      source: 'invoice',
      customerExternalId: 'cus_00000000000000',
      invoiceExternalId: 'in_000000000000000000000000',
      chargeExternalId: 'ch_000000000000000000000000',
      paymentIntentExternalId: 'pi_000000000000000000000000',
      amount: 2000,
      currency: 'usd',
      failureCode: null,
      failureMessage: null,
      attemptCount: 1,
      attemptedAt: d(1648320009),
    });
  });

  it('reads a basil invoice: payment intent from invoice.payments, reason when expanded', () => {
    const { charge: _c, payment_intent: _pi, paid: _p, ...basil } = failedInvoiceEvent().data.object;
    const record = normalizePaymentFailure({
      ...basil,
      attempt_count: 2,
      amount_remaining: 1500,
      payments: {
        object: 'list',
        data: [
          {
            object: 'invoice_payment',
            id: 'inpay_old',
            is_default: false,
            payment: { type: 'payment_intent', payment_intent: 'pi_old' },
          },
          {
            object: 'invoice_payment',
            id: 'inpay_1',
            is_default: true,
            payment: {
              type: 'payment_intent',
              payment_intent: {
                id: 'pi_new',
                object: 'payment_intent',
                last_payment_error: { code: 'card_declined', message: 'Declined' },
              },
            },
          },
        ],
      },
    });
    expect(record).toMatchObject({
      chargeExternalId: null,
      paymentIntentExternalId: 'pi_new',
      amount: 1500,
      attemptCount: 2,
      failureCode: 'card_declined',
      failureMessage: 'Declined',
      attemptedAt: null,
    });
  });

  it('rejects other objects and missing ids', () => {
    expect(() => normalizePaymentFailure({ id: 'dp_1', object: 'dispute' })).toThrow(StripeNormalizeError);
    expect(() => normalizePaymentFailure({ id: 'x_1' })).toThrow(/payment failure\.object/);
    expect(() => normalizePaymentFailure({ object: 'charge' })).toThrow(/charge\.id/);
  });
});
