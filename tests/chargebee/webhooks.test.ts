import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { createPlan } from '../webhooks/helpers';
import {
  basicAuth,
  chargebeeCustomer,
  configureChargebeeWebhookEnv,
  deliverChargebee,
  itemPriceId,
  laterVersion,
  postChargebee,
  sampleEvent,
  suffix,
  WEBHOOK_PASSWORD,
  WEBHOOK_USER,
} from './chargebee-world';

// /api/webhooks/chargebee through the inbox, against real PostgreSQL: Basic auth, dedupe by
// event id, the content's snapshots stored as Chargebee customers, subscriptions, invoices and
// failed attempts, and resource_version ordering.

beforeAll(() => configureChargebeeWebhookEnv());
beforeEach(() => configureChargebeeWebhookEnv());

const inboxRows = (eventId: string) => getDb().webhookEvent.count({ where: { source: 'chargebee', eventId } });

describe('Chargebee webhook authentication', () => {
  it('accepts the configured Basic-auth pair and stores the event', async () => {
    const event = sampleEvent('customer_created', suffix());
    const res = await postChargebee(event);
    expect(res).toMatchObject({ status: 200, body: { received: true, duplicate: false, status: 'received' } });
    expect(await inboxRows(event.id)).toBe(1);
  });

  it.each([
    ['a wrong password', basicAuth(WEBHOOK_USER, 'not-the-password'), 'invalid_credentials'],
    ['a wrong username', basicAuth('someone-else', WEBHOOK_PASSWORD), 'invalid_credentials'],
    ['no Authorization header', null, 'missing_credentials'],
    ['a bearer token instead', `Bearer ${WEBHOOK_PASSWORD}`, 'missing_credentials'],
  ])('refuses %s with 401 and the error envelope, storing nothing', async (_label, authorization, code) => {
    const event = sampleEvent('customer_created', suffix());
    const res = await postChargebee(event, authorization);
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code, message: expect.any(String), requestId: expect.any(String) });
    expect(await inboxRows(event.id)).toBe(0);
  });

  it('answers 503 while no credentials are configured, so Chargebee retries later', async () => {
    configureChargebeeWebhookEnv({ password: undefined });
    const event = sampleEvent('customer_created', suffix());
    const res = await postChargebee(event, basicAuth(WEBHOOK_USER, WEBHOOK_PASSWORD));
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('webhook_not_configured');
    expect(await inboxRows(event.id)).toBe(0);
  });
});

describe('Chargebee events into the normalised records', () => {
  it('a duplicate delivery is stored once and applied once', async () => {
    const event = sampleEvent('customer_created', suffix());
    const first = await deliverChargebee(event);
    const again = await postChargebee(event);
    expect(again.body).toMatchObject({ duplicate: true, id: first.inboxId });
    expect(await inboxRows(event.id)).toBe(1);
    const customer = await chargebeeCustomer(event.content.customer.id);
    expect(customer).toMatchObject({ name: 'John Doe', email: 'john@user.com', billingProvider: 'chargebee' });
  });

  it('subscription_created stores the customer, the subscription on its plan and its paid invoice', async () => {
    const sfx = suffix();
    const event = sampleEvent('subscription_created', sfx);
    const plan = await createPlan(itemPriceId('basic', sfx), 'Basic');
    const { inbox } = await deliverChargebee(event);
    expect(inbox.status).toBe('processed');
    const customer = await chargebeeCustomer(event.content.customer.id);
    const sub = await getDb().subscription.findUniqueOrThrow({ where: { externalId: event.content.subscription.id } });
    expect(sub).toMatchObject({ customerId: customer.id, status: 'active', planId: plan.id, cancelAtPeriodEnd: false });
    const invoice = await getDb().invoice.findUniqueOrThrow({
      where: { externalId: event.content.invoice.id },
      include: { lines: true },
    });
    expect(invoice).toMatchObject({
      customerId: customer.id,
      subscriptionId: sub.id,
      status: 'paid',
      currency: 'usd',
      total: 1000,
      amountPaid: 1000,
      amountDue: 0,
    });
    expect(invoice.lines).toEqual([
      expect.objectContaining({ description: 'Basic USD Monthly', amount: 1000, kind: 'flat' }),
    ]);
  });

  it('payment_failed records the failed attempt with its code and marks the customer delinquent', async () => {
    const sfx = suffix();
    await createPlan(itemPriceId('basic', sfx), 'Basic');
    await deliverChargebee(sampleEvent('invoice_generated', sfx));
    const failed = sampleEvent('payment_failed', sfx);
    const { inbox } = await deliverChargebee(failed);
    expect(inbox.status).toBe('processed');
    const customer = await chargebeeCustomer(failed.content.customer.id);
    expect(customer.delinquent).toBe(true);
    const attempt = await getDb().paymentAttempt.findFirstOrThrow({
      where: { externalId: failed.content.transaction.id },
    });
    expect(attempt).toMatchObject({
      customerId: customer.id,
      succeeded: false,
      amount: 1000,
      failureCode: 'card_declined',
      failureMessage: 'Your card was declined.',
    });
    const invoice = await getDb().invoice.findUniqueOrThrow({ where: { externalId: failed.content.invoice.id } });
    expect(invoice).toMatchObject({ status: 'open', attemptCount: 1, id: attempt.invoiceId });
  });
});

describe('Chargebee ordering by resource_version', () => {
  it('an older subscription snapshot delivered after a newer one is skipped', async () => {
    const sfx = suffix();
    await createPlan(itemPriceId('basic', sfx), 'Basic');
    const advanced = await createPlan(itemPriceId('advanced', sfx), 'Advanced');
    const created = sampleEvent('subscription_created', sfx);
    const changed = sampleEvent('subscription_changed', sfx);
    const cancelled = sampleEvent('subscription_cancelled', sfx);
    await deliverChargebee(cancelled);
    const late = [await deliverChargebee(changed), await deliverChargebee(created)];
    const sub = await getDb().subscription.findUniqueOrThrow({
      where: { externalId: created.content.subscription.id },
    });
    expect(sub).toMatchObject({ status: 'canceled', planId: advanced.id });
    expect(sub.sourceEventCreatedAt?.getTime()).toBe(cancelled.content.subscription.resource_version);
    for (const skipped of late) {
      expect(skipped.inbox.status).toBe('processed');
      expect(skipped.inbox.lastError).toMatch(/skipped: stored subscription \S+ is newer/);
    }
  });

  it('orders by the millisecond version, not the second: 300 ms older is still older', async () => {
    const sfx = suffix();
    const newer = laterVersion(sampleEvent('customer_created', sfx), 600, { customer: { email: 'new@user.com' } });
    const older = laterVersion(sampleEvent('customer_created', sfx), 300, { customer: { email: 'old@user.com' } });
    await deliverChargebee(newer);
    const late = await deliverChargebee(older);
    expect(late.inbox.lastError).toMatch(/^skipped: stored customer/);
    expect((await chargebeeCustomer(newer.content.customer.id)).email).toBe('new@user.com');
  });

  it('payment_failed arriving after payment_succeeded leaves the invoice paid', async () => {
    const sfx = suffix();
    await createPlan(itemPriceId('basic', sfx), 'Basic');
    const succeeded = sampleEvent('payment_succeeded', sfx);
    await deliverChargebee(succeeded);
    const late = await deliverChargebee(sampleEvent('payment_failed', sfx));
    expect(late.inbox.lastError).toMatch(/skipped: stored invoice \S+ is newer/);
    const invoice = await getDb().invoice.findUniqueOrThrow({ where: { externalId: succeeded.content.invoice.id } });
    expect(invoice).toMatchObject({ status: 'paid', amountPaid: 1000 });
  });
});
