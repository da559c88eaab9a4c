import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { createStripeImport } from '@/lib/server/billing/stripe/import/start-stripe-import';
import { runStripeImport } from '@/lib/server/billing/stripe/import/run-stripe-import';
import { applyThroughWebhookHandler } from '@/lib/server/billing/stripe/import/apply-through-webhook-handler';
import { listCatalog } from '@/lib/server/catalog/list-catalog';
import { createPlan } from '@/lib/server/catalog/save-plan';
import { processWebhookEvent } from '@/lib/server/webhooks/process-webhook-event';
import { createAdmin, deliver, type StripeEvent } from '../webhooks/helpers';
import { buildStripeAccount, type AccountIds } from './stripe-account';
import { openImportWorld } from './import-world';
import type { StripeJson } from '../fixtures/fake-stripe-server';

// Webhooks and the import meet on the same rows: the ordering rule decides, so a stale import
// snapshot never overwrites what a newer event wrote. A subscription on a price created after the
// import becomes a "map this price" item, held, and is replayed when a plan maps the price.

let world: Awaited<ReturnType<typeof openImportWorld>>;
let ids: AccountIds;
const nowSec = Math.floor(Date.now() / 1000);
const event = (type: string, object: StripeJson, created: number): StripeEvent => ({
  id: `evt_${String(object.id)}_${created}`,
  object: 'event',
  type,
  created,
  api_version: '2025-03-31.basil',
  livemode: false,
  data: { object },
});

beforeAll(async () => {
  world = await openImportWorld('import_webhooks');
  ids = buildStripeAccount(world.fake, 'zeta', nowSec, 4);
  const runId = await createStripeImport({ type: 'system', id: 'test' }, 12);
  expect(await runStripeImport(runId, { pageSize: 10 })).toBe('succeeded');
});
afterAll(async () => world?.close());

describe('webhooks during an import', { timeout: 120_000 }, () => {
  it('an import snapshot read before a newer webhook does not overwrite it', async () => {
    const subId = ids.subscriptions[0]!;
    const stored = world.server.objects.subscriptions.get(subId)!;
    // Stripe moves the subscription to past_due; its webhook arrives and is applied (re-fetched).
    world.fake.put({ ...stored, status: 'past_due' });
    const { inbox } = await deliver(
      event('customer.subscription.updated', { ...stored, status: 'past_due' }, nowSec + 60),
    );
    expect(inbox.status).toBe('processed');
    // An import page read before that event (the old 'active' snapshot) is written afterwards.
    const note = await applyThroughWebhookHandler(
      'customer.subscription.updated',
      { ...stored, status: 'active' },
      {
        runId: 'stale',
        fetchedAtSec: nowSec + 30,
      },
    );
    expect(note).toMatch(/^skipped: stored subscription .* is newer/);
    expect((await getDb().subscription.findUniqueOrThrow({ where: { externalId: subId } })).status).toBe('past_due');
  });

  it('a webhook older than the import read is skipped: the import state stands', async () => {
    const customerId = ids.customers[2]!;
    const stored = world.server.objects.customers.get(customerId)!;
    const { inbox } = await deliver(event('customer.updated', { ...stored, name: 'Old name' }, nowSec - 3600));
    expect(inbox.lastError).toMatch(/^skipped/);
    expect((await getDb().customer.findFirstOrThrow({ where: { externalId: customerId } })).name).toBe(
      'Customer 2 zeta',
    );
  });
});

describe('a price no plan maps', { timeout: 120_000 }, () => {
  it('holds the subscription webhook as a "map this price" item, and replays it when the plan is created', async () => {
    const price = `price_newer${nowSec}`;
    const customer = {
      ...world.server.objects.customers.get(ids.customers[0]!)!,
      id: `cus_fresh${nowSec}`,
      name: 'Fresh Co',
    };
    const base = world.server.objects.subscriptions.get(ids.subscriptions[0]!)!;
    const item = (base.items as { data: StripeJson[] }).data[0]!;
    const subscription = {
      ...base,
      id: `sub_fresh${nowSec}`,
      customer: customer.id,
      status: 'active',
      items: {
        object: 'list',
        has_more: false,
        data: [
          {
            ...item,
            id: `si_fresh${nowSec}`,
            price: { ...(item.price as StripeJson), id: price, product: `prod_prozeta` },
          },
        ],
      },
    };
    world.fake.put(customer).put(subscription);

    const { inboxId, outcome, inbox } = await deliver(
      event('customer.subscription.created', subscription, nowSec + 120),
    );
    expect(outcome).toMatchObject({ status: 'failed', nextAttemptAt: null });
    expect(inbox.status).toBe('failed');
    expect(inbox.lastError).toContain('Catalog page');
    // Not retried toward 'dead': it waits, and a second processing attempt changes nothing.
    expect(inbox.nextAttemptAt).toBeNull();

    const catalog = await listCatalog();
    const item1 = catalog.unmapped.find((u) => u.priceExternalId === price)!;
    expect(item1).toMatchObject({
      subscriptionExternalId: subscription.id,
      heldEvents: 1,
      productExternalId: 'prod_prozeta',
    });
    // The draft takes the product's name and its metered price onto the imported meter.
    expect(item1.draft).toMatchObject({
      externalId: price,
      name: 'Pro zeta',
      limits: [expect.objectContaining({ priceExternalId: ids.proMetered })],
    });

    const admin = await createAdmin();
    const plan = await createPlan(admin, { ...item1.draft, key: `pro_newer_${nowSec}` }, 'req_test');
    const released = await getDb().webhookEvent.findUniqueOrThrow({ where: { id: inboxId } });
    expect(released).toMatchObject({ status: 'received', attempts: 0 });
    expect(await getDb().unmappedStripePrice.findUniqueOrThrow({ where: { priceExternalId: price } })).toMatchObject({
      planId: plan.id,
      heldInboxIds: [],
    });
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: 'plan.created', targetId: plan.id } });
    expect(audit.data).toEqual({ replayedWebhookEvents: [inboxId] });

    expect(await processWebhookEvent(inboxId)).toMatchObject({ status: 'processed' });
    const sub = await getDb().subscription.findUniqueOrThrow({ where: { externalId: subscription.id } });
    expect(sub.planId).toBe(plan.id);
    expect((await listCatalog()).unmapped.some((u) => u.priceExternalId === price)).toBe(false);
  });

  it('an import that meets an unmapped price lists it too, with the error on the import', async () => {
    const price = `price_legacy${nowSec}`;
    const base = world.server.objects.subscriptions.get(ids.subscriptions[1]!)!;
    const item = (base.items as { data: StripeJson[] }).data[0]!;
    const customer = { ...world.server.objects.customers.get(ids.customers[1]!)!, id: `cus_legacy${nowSec}` };
    world.fake.put(customer).put({
      ...base,
      id: `sub_legacy${nowSec}`,
      customer: customer.id,
      items: {
        object: 'list',
        has_more: false,
        data: [{ ...item, id: `si_legacy${nowSec}`, price: { ...(item.price as StripeJson), id: price } }],
      },
    });
    const runId = await createStripeImport({ type: 'system', id: 'test' }, 12);
    expect(await runStripeImport(runId, { pageSize: 10 })).toBe('succeeded');
    const errors = await getDb().stripeImportError.findMany({ where: { runId } });
    expect(errors).toEqual([expect.objectContaining({ objectType: 'subscriptions', objectId: `sub_legacy${nowSec}` })]);
    expect((await listCatalog()).unmapped.map((u) => u.priceExternalId)).toContain(price);
  });
});
