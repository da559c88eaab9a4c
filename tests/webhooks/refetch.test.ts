import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { FakeStripeServer } from '../fixtures/fake-stripe-server';
import { wrapInEvent } from '../fixtures/stripe-fixture-files';
import { cardPaymentMethod } from '../fixtures/stripe-payment-method';
import {
  basilEvent,
  configureWebhookEnv,
  createPlan,
  customerByExternalId,
  deliver,
  obj,
  rubyMockEvent,
  suffix,
  type StripeEvent,
} from './helpers';

// With STRIPE_SECRET_KEY set, handlers re-fetch the object through the real stripe SDK (pointed
// at a local fake by STRIPE_API_BASE) and store the fetched state, not the payload's.

const stripe = new FakeStripeServer();
beforeAll(async () => {
  await stripe.start();
  configureWebhookEnv({ secretKey: 'sk_test_tollgate_fake', apiBase: stripe.url });
});
afterAll(async () => {
  configureWebhookEnv();
  await stripe.close();
});

describe('re-fetch from Stripe', () => {
  it('a subscription event stores the fetched subscription (status, plan), not the payload', async () => {
    const sfx = suffix();
    const event = basilEvent('customer.subscription.updated', 'subscription', sfx);
    const payload = obj(event);
    await createPlan(payload.items.data[0].price.id, 'Payload plan');
    const fetchedPlan = await createPlan(`price_fetchedx${sfx}`, 'Fetched plan');
    const item = { ...payload.items.data[0], price: { ...payload.items.data[0].price, id: `price_fetchedx${sfx}` } };
    stripe.put({
      ...payload,
      status: 'past_due',
      cancel_at_period_end: false,
      items: { object: 'list', data: [item], has_more: false },
    });

    const { inbox } = await deliver(event);
    expect(inbox.status).toBe('processed');
    const calls = stripe.requestsTo('GET', `/v1/subscriptions/${payload.id}`);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.headers.authorization).toBe('Bearer sk_test_tollgate_fake');
    const row = await getDb().subscription.findUniqueOrThrow({ where: { externalId: payload.id } });
    expect(row).toMatchObject({ status: 'past_due', planId: fetchedPlan.id, cancelAtPeriodEnd: false });
  });

  it('an invoice event stores the fetched invoice and reads every page of its lines', async () => {
    const event = rubyMockEvent('invoice.finalized');
    const payload = obj(event);
    const line = payload.lines.data[0];
    const lines = Array.from({ length: 3 }, (_, i) => ({ ...line, id: `${line.id}n${i}`, amount: 500 + i }));
    stripe.put({
      ...payload,
      status: 'open',
      amount_paid: 0,
      amount_remaining: 1503,
      total: 1503,
      subtotal: 1503,
      amount_due: 1503,
      lines: { object: 'list', data: lines.slice(0, 1), has_more: true },
    });
    // The lines endpoint answers the full list.
    stripe.route('GET', new RegExp(`^/v1/invoices/${payload.id}/lines$`), () => ({
      body: { object: 'list', data: lines, has_more: false },
    }));

    await deliver(event);
    expect(stripe.requestsTo('GET', `/v1/invoices/${payload.id}`).map((r) => r.path)).toEqual([
      `/v1/invoices/${payload.id}`,
      `/v1/invoices/${payload.id}/lines`,
    ]);
    const invoice = await getDb().invoice.findUniqueOrThrow({
      where: { externalId: payload.id },
      include: { lines: { orderBy: { position: 'asc' } } },
    });
    expect(invoice).toMatchObject({ status: 'open', total: 1503, amountPaid: 0 });
    expect(invoice.lines.map((l) => l.amount)).toEqual([500, 501, 502]);
  });

  it('a customer event stores the fetched customer; a dispute learns its customer from the expanded charge', async () => {
    const sfx = suffix();
    const customerEvent = basilEvent('customer.updated', 'customer', sfx);
    stripe.put({ ...obj(customerEvent), name: 'Fetched Name Inc', email: 'ap@fetched.test' });
    await deliver(customerEvent);
    const customer = await customerByExternalId(obj(customerEvent).id);
    expect(customer).toMatchObject({ name: 'Fetched Name Inc', email: 'ap@fetched.test' });

    const dispute = basilEvent('charge.dispute.created', 'dispute', sfx);
    stripe.put({
      ...obj(dispute),
      status: 'under_review',
      charge: { id: obj(dispute).charge, object: 'charge', customer: obj(customerEvent).id },
    });
    await deliver(dispute);
    expect(stripe.requestsTo('GET', `/v1/disputes/${obj(dispute).id}`)[0]!.query).toMatchObject({
      'expand[0]': 'charge',
    });
    const row = await getDb().dispute.findUniqueOrThrow({ where: { externalId: obj(dispute).id } });
    expect(row).toMatchObject({
      status: 'under_review',
      customerId: customer.id,
      chargeExternalId: obj(dispute).charge,
    });
  });

  it('a payment method event stores the fetched card: a late attach of a card since detached stores the detach', async () => {
    const sfx = suffix();
    const pm = `pm_fetchedx${sfx}`;
    const cus = `cus_fetchedx${sfx}`;
    const attached = cardPaymentMethod(pm, cus, { exp_month: 2, exp_year: 2027 });
    stripe.put({ ...attached, customer: null, card: { ...(attached.card as object), exp_month: 9, exp_year: 2031 } });
    const event = { ...wrapInEvent('payment_method.attached', attached), id: `evt_pmattachx${sfx}` } as StripeEvent;
    expect((await deliver(event)).inbox.status).toBe('processed');
    expect(stripe.requestsTo('GET', `/v1/payment_methods/${pm}`)).toHaveLength(1);
    const row = await getDb().paymentCard.findUniqueOrThrow({ where: { externalId: pm } });
    expect(row).toMatchObject({ expMonth: 9, expYear: 2031, detachedAt: expect.any(Date) });
  });

  it('a failed re-fetch fails the event (it will be retried) and writes nothing', async () => {
    const event = basilEvent('customer.created', 'customer');
    expect((await deliver(event)).outcome).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/No such customer/),
    });
    const row = await getDb().webhookEvent.findFirstOrThrow({ where: { eventId: event.id } });
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.lastError).toMatch(/No such customer.*resource_missing.*404/);
    expect(await getDb().customer.count({ where: { externalId: obj(event).id } })).toBe(0);
  });
});
