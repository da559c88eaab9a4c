import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import {
  basilEvent,
  configureWebhookEnv,
  createPlan,
  customerByExternalId,
  deliver,
  obj,
  rubyMockEvent,
  suffix,
} from './helpers';

// invoice.created / finalized / updated / paid / payment_failed, pre-basil (ruby-mock) and basil.
// The ruby-mock files reuse one invoice id with unrelated timestamps (invoice.created is the
// newest of them), so each test gives its invoice its own ids.

beforeAll(() => configureWebhookEnv());

const invoiceOf = (externalId: string) =>
  getDb().invoice.findUniqueOrThrow({
    where: { externalId },
    include: { lines: { orderBy: { position: 'asc' } }, customer: true, paymentAttempts: true },
  });

describe('invoice events', () => {
  it('pre-basil invoice.created: a draft with totals, its line and its subscription', async () => {
    const sfx = suffix();
    const subEvent = rubyMockEvent('customer.subscription.updated', sfx);
    await createPlan(obj(subEvent).items.data[0].price.id);
    await deliver(subEvent);
    const event = rubyMockEvent('invoice.created', sfx);
    const { inbox } = await deliver(event);
    expect(inbox.status).toBe('processed');
    const invoice = await invoiceOf(obj(event).id);
    const subscription = await getDb().subscription.findUniqueOrThrow({ where: { externalId: obj(subEvent).id } });
    expect(invoice).toMatchObject({
      status: 'draft',
      number: null,
      currency: 'usd',
      subtotal: 1500,
      tax: 0,
      total: 1500,
      amountDue: 1500,
      amountPaid: 0,
      amountRemaining: 1500,
      attemptCount: 0,
      subscriptionId: subscription.id,
      customerId: subscription.customerId,
    });
    expect(invoice.lines).toEqual([
      expect.objectContaining({
        kind: 'flat',
        amount: 1500,
        description: '1 × myproduct (at $15.00 / month)',
        proration: false,
        position: 0,
      }),
    ]);
  });

  it('pre-basil invoice.finalized and invoice.paid: paid, with paid_at, number and replaced lines', async () => {
    const sfx = suffix();
    const finalized = rubyMockEvent('invoice.finalized', sfx);
    await deliver(finalized);
    const paid = rubyMockEvent('invoice.paid', sfx);
    await deliver(paid);
    const invoice = await invoiceOf(obj(paid).id);
    expect(invoice).toMatchObject({
      status: 'paid',
      number: 'EE1DF78D-0001',
      subtotal: 2000,
      total: 2000,
      amountPaid: 2000,
      amountRemaining: 0,
      attemptCount: 1,
    });
    expect(invoice.paidAt?.toISOString()).toBe(new Date(1648320013 * 1000).toISOString());
    expect(invoice.finalizedAt?.toISOString()).toBe(new Date(1648320013 * 1000).toISOString());
    expect(invoice.lines).toHaveLength(1);
    expect(invoice.lines[0]).toMatchObject({ kind: 'flat', amount: 2000, description: '(created by Stripe CLI)' });
    expect(Number(invoice.lines[0]!.quantity)).toBe(1);
  });

  it('pre-basil invoice.payment_failed: open invoice, a failed attempt, a delinquent customer', async () => {
    const event = rubyMockEvent('invoice.payment_failed');
    const { inbox } = await deliver(event);
    expect(inbox).toMatchObject({ status: 'processed', lastError: null });
    const invoice = await invoiceOf(obj(event).id);
    expect(invoice).toMatchObject({
      status: 'open',
      attemptCount: 1,
      amountDue: 2000,
      amountRemaining: 2000,
      number: 'C93E45D7-0001',
    });
    expect(invoice.paymentAttempts).toEqual([
      expect.objectContaining({
        externalId: obj(event).charge,
        amount: 2000,
        currency: 'usd',
        succeeded: false,
        customerId: invoice.customerId,
      }),
    ]);
    expect(invoice.customer.delinquent).toBe(true);
  });

  it('basil invoice: subscription under parent.subscription_details, proration line, credits', async () => {
    const sfx = suffix();
    const subEvent = basilEvent('customer.subscription.created', 'subscription', sfx);
    await createPlan(obj(subEvent).items.data[0].price.id);
    await deliver(subEvent);
    const event = basilEvent('invoice.created', 'invoice', sfx);
    const object = obj(event);
    object.parent = {
      type: 'subscription_details',
      subscription_details: { subscription: obj(subEvent).id, metadata: null },
    };
    await deliver(event);
    const invoice = await invoiceOf(object.id);
    const subscription = await getDb().subscription.findUniqueOrThrow({ where: { externalId: obj(subEvent).id } });
    expect(invoice).toMatchObject({
      status: 'draft',
      subtotal: 1000,
      total: 1000,
      amountDue: 1000,
      tax: 0,
      creditTotal: 0,
      discountTotal: 0,
      subscriptionId: subscription.id,
    });
    expect(invoice.dueDate?.toISOString()).toBe(new Date(1234567890 * 1000).toISOString());
    expect(invoice.lines).toEqual([
      expect.objectContaining({
        kind: 'proration',
        proration: true,
        amount: 1000,
        externalId: object.lines.data[0].id,
      }),
    ]);
    expect(invoice.customer.externalId).toBe(object.customer);
  });

  it('basil invoice naming a subscription Tollgate does not know keeps subscription_id empty', async () => {
    const event = basilEvent('invoice.finalized', 'invoice');
    const object = obj(event);
    object.status = 'open';
    await deliver(event);
    const invoice = await invoiceOf(object.id);
    expect(invoice).toMatchObject({ status: 'open', subscriptionId: null });
    expect((await customerByExternalId(object.customer)).id).toBe(invoice.customerId);
  });

  it('replaces the lines on each newer version', async () => {
    const event = basilEvent('invoice.created', 'invoice');
    await deliver(event);
    const object = obj(event);
    const [line] = object.lines.data;
    const lines = {
      object: 'list',
      has_more: false,
      data: [
        { ...line, id: `${line.id}a`, amount: 700 },
        { ...line, id: `${line.id}b`, amount: 300, parent: null },
      ],
    };
    await deliver({
      ...event,
      id: `${event.id}u`,
      type: 'invoice.updated',
      created: event.created + 5,
      data: { object: { ...object, lines } },
    });
    const invoice = await invoiceOf(object.id);
    expect(invoice.lines.map((l) => [l.externalId, l.amount, l.kind])).toEqual([
      [`${line.id}a`, 700, 'proration'],
      [`${line.id}b`, 300, 'other'],
    ]);
  });
});
