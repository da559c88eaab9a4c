import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { basilEvent, configureWebhookEnv, customerByExternalId, deliver, obj, rubyMockEvent, suffix } from './helpers';

// charge.failed, payment_intent.payment_failed and charge.dispute.created: failed attempts merged
// across the events that report them, guest charges, disputes tied to a customer via the charge.

beforeAll(() => configureWebhookEnv());

const attempts = (externalIds: string[]) =>
  getDb().paymentAttempt.findMany({ where: { externalId: { in: externalIds } } });

describe('payment failure and dispute events', () => {
  it('a guest charge.failed (no customer) is processed with a note and records nothing', async () => {
    const event = basilEvent('charge.failed', 'charge');
    expect(obj(event).customer).toBeNull();
    const { inbox } = await deliver(event);
    expect(inbox.status).toBe('processed');
    expect(inbox.lastError).toMatch(/no customer on charge ch_\w+ \(guest payment\)/);
    expect(await attempts([obj(event).id])).toHaveLength(0);
  });

  it('charge.failed and payment_intent.payment_failed for one attempt make one attempt with the failure code', async () => {
    const sfx = suffix();
    const customer = `cus_payerx${sfx}`;
    const charge = basilEvent('charge.failed', 'charge', sfx);
    const intent = basilEvent('payment_intent.payment_failed', 'payment_intent', sfx);
    const chargeId = obj(charge).id as string;
    const intentId = obj(intent).id as string;
    // The payment intent arrives first and does not name its charge yet.
    Object.assign(obj(intent), {
      customer,
      last_payment_error: {
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'insufficient_funds',
        message: 'Your card has insufficient funds.',
      },
    });
    Object.assign(obj(charge), {
      customer,
      payment_intent: intentId,
      status: 'failed',
      paid: false,
      failure_code: 'card_declined',
      failure_message: 'Your card was declined.',
    });
    await deliver(intent);
    let rows = await attempts([chargeId, intentId]);
    expect(rows).toEqual([
      // The bank's specific decline_code, not the umbrella card_declined.
      expect.objectContaining({
        externalId: intentId,
        failureCode: 'insufficient_funds',
        amount: 1099,
        succeeded: false,
      }),
    ]);

    await deliver(charge);
    rows = await attempts([chargeId, intentId]);
    // Merged: keyed by the charge now (disputes name charges); the first failure text is kept.
    expect(rows).toEqual([
      expect.objectContaining({
        externalId: chargeId,
        failureCode: 'insufficient_funds',
        failureMessage: 'Your card has insufficient funds.',
        customerId: (await customerByExternalId(customer)).id,
      }),
    ]);
  });

  it('basil invoice.payment_failed (payments expanded) merges into the attempt of its payment intent', async () => {
    const sfx = suffix();
    const customer = `cus_invoicedx${sfx}`;
    const intent = basilEvent('payment_intent.payment_failed', 'payment_intent', sfx);
    const intentId = obj(intent).id as string;
    const chargeId = `ch_latestx${sfx}`;
    Object.assign(obj(intent), {
      customer,
      latest_charge: chargeId,
      last_payment_error: { code: 'card_declined', message: 'Declined.', charge: chargeId },
    });
    await deliver(intent);
    const invoiceEvent = basilEvent('invoice.payment_failed', 'invoice', sfx);
    Object.assign(obj(invoiceEvent), {
      customer,
      status: 'open',
      attempt_count: 1,
      payments: {
        object: 'list',
        data: [
          {
            object: 'invoice_payment',
            is_default: true,
            payment: { type: 'payment_intent', payment_intent: intentId },
          },
        ],
      },
    });
    await deliver(invoiceEvent);
    const invoice = await getDb().invoice.findUniqueOrThrow({ where: { externalId: obj(invoiceEvent).id } });
    expect(invoice).toMatchObject({ status: 'open', attemptCount: 1 });
    const payment = await getDb().payment.findUniqueOrThrow({
      where: { externalId: intentId },
      include: { attempts: true },
    });
    expect(payment).toMatchObject({ status: 'failed', amount: 1099, invoiceId: invoice.id });
    expect(payment.attempts).toEqual([
      expect.objectContaining({
        externalId: chargeId,
        failureCode: 'card_declined',
        invoiceId: invoice.id,
        customerId: invoice.customerId,
      }),
    ]);
    expect(await getDb().paymentAttempt.count({ where: { customerId: invoice.customerId } })).toBe(1);
  });

  it('charge.dispute.created (basil) finds the customer through the failed charge', async () => {
    const sfx = suffix();
    const charge = basilEvent('charge.failed', 'charge', sfx);
    Object.assign(obj(charge), { customer: `cus_disputedx${sfx}`, failure_code: 'expired_card' });
    await deliver(charge);
    const dispute = basilEvent('charge.dispute.created', 'dispute', sfx);
    expect(obj(dispute).charge).toBe(obj(charge).id);
    await deliver(dispute);
    const row = await getDb().dispute.findUniqueOrThrow({ where: { externalId: obj(dispute).id } });
    expect(row).toMatchObject({
      chargeExternalId: obj(charge).id,
      amount: 1000,
      currency: 'usd',
      reason: 'general',
      status: 'warning_needs_response',
      customerId: (await customerByExternalId(`cus_disputedx${sfx}`)).id,
    });
    expect(row.createdAt.toISOString()).toBe(new Date(1234567890 * 1000).toISOString());
  });

  it('pre-basil charge.dispute.created after invoice.payment_failed ties the dispute to the invoice customer', async () => {
    const sfx = suffix();
    const failed = rubyMockEvent('invoice.payment_failed', sfx);
    await deliver(failed);
    const dispute = rubyMockEvent('charge.dispute.created', sfx);
    const { inbox } = await deliver(dispute);
    expect(inbox.lastError).toBeNull();
    const row = await getDb().dispute.findUniqueOrThrow({ where: { externalId: obj(dispute).id } });
    expect(row).toMatchObject({
      amount: 100,
      reason: 'fraudulent',
      status: 'warning_needs_response',
      customerId: (await customerByExternalId(obj(failed).customer)).id,
    });
  });

  it('a dispute for an unknown charge is stored without a customer, noted', async () => {
    const dispute = rubyMockEvent('charge.dispute.created');
    const { inbox } = await deliver(dispute);
    expect(inbox.status).toBe('processed');
    expect(inbox.lastError).toMatch(/not linked to a known customer/);
    expect((await getDb().dispute.findUniqueOrThrow({ where: { externalId: obj(dispute).id } })).customerId).toBeNull();
  });
});
