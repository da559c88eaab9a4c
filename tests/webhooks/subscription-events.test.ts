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
  variant,
} from './helpers';

// customer.subscription.* in the 2020-08-27 (ruby-mock) and basil shapes: status, period, plan
// from the price id, items, the customer stub, unknown prices.

beforeAll(() => configureWebhookEnv());

const subscriptionOf = (externalId: string) =>
  getDb().subscription.findUniqueOrThrow({ where: { externalId }, include: { items: true, customer: true } });

describe('subscription events', () => {
  it('pre-basil customer.subscription.updated: status, period, plan from the price, items, customer stub', async () => {
    const event = rubyMockEvent('customer.subscription.updated');
    const sub = obj(event);
    const price = sub.items.data[0].price.id as string;
    const plan = await createPlan(price, 'Fifteen');
    const { inbox } = await deliver(event);
    expect(inbox).toMatchObject({ status: 'processed', lastError: null, attempts: 1 });

    const row = await subscriptionOf(sub.id);
    expect(row).toMatchObject({ status: 'active', planId: plan.id, cancelAtPeriodEnd: false, canceledAt: null });
    expect(row.currentPeriodStart.toISOString()).toBe(new Date(1648320105 * 1000).toISOString());
    expect(row.currentPeriodEnd.toISOString()).toBe(new Date(1650998505 * 1000).toISOString());
    expect(row.sourceEventCreatedAt?.toISOString()).toBe(new Date(event.created * 1000).toISOString());
    expect(row.items).toEqual([
      expect.objectContaining({ externalId: sub.items.data[0].id, priceExternalId: price, quantity: 1 }),
    ]);
    // The customer was not known yet: a stub named after its Stripe id.
    expect(row.customer).toMatchObject({ externalId: sub.customer, name: sub.customer, sourceEventCreatedAt: null });
  });

  it('basil customer.subscription.created reads the period from the items; .deleted ends it', async () => {
    const created = basilEvent('customer.subscription.created', 'subscription');
    const sub = obj(created);
    const plan = await createPlan(sub.items.data[0].price.id);
    await deliver(created);
    let row = await subscriptionOf(sub.id);
    expect(row).toMatchObject({ status: 'active', planId: plan.id, cancelAtPeriodEnd: true });
    expect(row.currentPeriodStart.toISOString()).toBe(
      new Date(sub.items.data[0].current_period_start * 1000).toISOString(),
    );
    expect(row.currentPeriodEnd.toISOString()).toBe(
      new Date(sub.items.data[0].current_period_end * 1000).toISOString(),
    );
    expect(row.canceledAt?.toISOString()).toBe(new Date(1234567890 * 1000).toISOString());

    await deliver(variant(created, created.created + 10, { status: 'canceled' }, 'customer.subscription.deleted'));
    row = await subscriptionOf(sub.id);
    expect(row.status).toBe('canceled');
  });

  it('a plan change moves the subscription to the plan of the new price and replaces the items', async () => {
    const sfx = suffix();
    const event = basilEvent('customer.subscription.created', 'subscription', sfx);
    const sub = obj(event);
    await createPlan(sub.items.data[0].price.id, 'Old');
    await deliver(event);
    const bigger = await createPlan(`price_biggerx${sfx}`, 'Bigger');
    const item = {
      ...sub.items.data[0],
      id: `si_newx${sfx}`,
      price: { ...sub.items.data[0].price, id: `price_biggerx${sfx}` },
    };
    await deliver(
      variant(event, event.created + 30, { items: { object: 'list', data: [item] } }, 'customer.subscription.updated'),
    );
    const row = await subscriptionOf(sub.id);
    expect(row.planId).toBe(bigger.id);
    expect(row.items.map((i) => i.externalId)).toEqual([`si_newx${sfx}`]);
  });

  it('an unknown price: a known subscription keeps its plan (noted); a new one with no plan to fall back on fails clearly', async () => {
    const sfx = suffix();
    const event = basilEvent('customer.subscription.created', 'subscription', sfx);
    const sub = obj(event);
    const plan = await createPlan(sub.items.data[0].price.id);
    await deliver(event);
    const unknownItem = { ...sub.items.data[0], price: { ...sub.items.data[0].price, id: `price_unknownx${sfx}` } };
    const { inbox } = await deliver(
      variant(
        event,
        event.created + 30,
        { status: 'past_due', items: { object: 'list', data: [unknownItem] } },
        'customer.subscription.updated',
      ),
    );
    expect(inbox.status).toBe('processed');
    expect(inbox.lastError).toContain(`unknown price price_unknownx${sfx}: kept the subscription's plan`);
    expect(await subscriptionOf(sub.id)).toMatchObject({ planId: plan.id, status: 'past_due' });

    const lonely = rubyMockEvent('customer.subscription.updated');
    expect((await deliver(lonely)).outcome).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/Unknown Stripe price/),
    });
    const row = await getDb().webhookEvent.findFirstOrThrow({ where: { eventId: lonely.id } });
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.lastError).toMatch(/Unknown Stripe price price_0+x\w+ for subscription sub_0+x\w+.*replay/);
    expect(await getDb().subscription.count({ where: { externalId: obj(lonely).id } })).toBe(0);
    // Nothing of the failed attempt remains, not even the customer stub.
    expect(await getDb().customer.count({ where: { externalId: obj(lonely).customer } })).toBe(0);
  });

  it('the customer stub is filled in by customer.created even when that event is older', async () => {
    const sfx = suffix();
    const subEvent = basilEvent('customer.subscription.created', 'subscription', sfx, 1_735_700_000);
    await createPlan(obj(subEvent).items.data[0].price.id);
    await deliver(subEvent);
    const customerEvent = basilEvent('customer.created', 'customer', sfx, 1_735_600_000);
    await deliver(variant(customerEvent, 1_735_600_000, { name: 'Late Arrival Ltd' }));
    const customer = await customerByExternalId(obj(customerEvent).id);
    expect(customer.name).toBe('Late Arrival Ltd');
    expect((await subscriptionOf(obj(subEvent).id)).customerId).toBe(customer.id);
  });
});

describe('entitlement notifications', () => {
  it('an applied subscription change announces the customer on the entitlements channel, after commit', async () => {
    const { getPool } = await import('@/lib/db');
    const { ENTITLEMENTS_CHANNEL } = await import('@/lib/server/entitlements/notify-entitlements-changed');
    const listener = await getPool().connect();
    const payloads: string[] = [];
    listener.on('notification', (n) => n.channel === ENTITLEMENTS_CHANNEL && payloads.push(n.payload ?? ''));
    await listener.query(`LISTEN ${ENTITLEMENTS_CHANNEL}`);
    try {
      const event = basilEvent('customer.subscription.updated', 'subscription');
      await createPlan(obj(event).items.data[0].price.id);
      await deliver(event);
      const customer = await customerByExternalId(obj(event).customer);
      await expect
        .poll(() =>
          payloads
            .map((p) => JSON.parse(p) as { customerIds?: string[] })
            .some((p) => p.customerIds?.includes(customer.id)),
        )
        .toBe(true);
    } finally {
      await listener.query(`UNLISTEN ${ENTITLEMENTS_CHANNEL}`);
      listener.release();
    }
  });
});
