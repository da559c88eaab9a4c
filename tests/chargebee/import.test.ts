import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { getStripeImport } from '@/lib/server/billing/stripe/import/get-stripe-import';
import { CHARGEBEE_IMPORT_STEPS } from '@/lib/server/billing/chargebee/import/chargebee-import-steps';
import { runChargebeeImport } from '@/lib/server/billing/chargebee/import/run-chargebee-import';
import { createChargebeeImport } from '@/lib/server/billing/chargebee/import/start-chargebee-import';
import { FakeChargebeeServer } from '../fixtures/fake-chargebee-server';
import { configureChargebeeWebhookEnv, deliverChargebee, laterVersion, sampleEvent, suffix } from './chargebee-world';

// "Import from Chargebee" through the chargebee SDK against a local fake speaking Chargebee's
// list shapes ({ list: [{ customer: … }], next_offset }), onto real PostgreSQL: item prices
// become plans, customers, subscriptions and invoices go through the webhook handler, re-running
// adds nothing, a crashed run resumes from its checkpoint, and a newer webhook wins over the import.

const API_KEY = 'test_importKey0123456789abcdef';
let fake: FakeChargebeeServer;
const sfx = suffix();
const actor = { type: 'system' as const, id: 'test' };

function seed() {
  const created = sampleEvent('subscription_created', sfx);
  const { customer, subscription, invoice } = created.content;
  const nowSec = Math.floor(Date.now() / 1000);
  fake.objects.item_prices.push(
    {
      id: `basic-USD-monthly-${sfx}`,
      name: 'Basic USD Monthly',
      external_name: `Basic ${sfx}`,
      item_id: 'basic',
      item_type: 'plan',
      status: 'active',
      pricing_model: 'flat_fee',
      price: 1000,
      period: 1,
      period_unit: 'month',
      currency_code: 'USD',
      free_quantity: 0,
      created_at: nowSec,
      resource_version: Date.now(),
      deleted: false,
      object: 'item_price',
    },
    {
      id: `api-calls-USD-monthly-${sfx}`,
      name: 'API calls',
      item_id: 'api-calls',
      item_type: 'addon',
      status: 'active',
      pricing_model: 'per_unit',
      price: 2,
      currency_code: 'USD',
      free_quantity: 0,
      created_at: nowSec,
      deleted: false,
      object: 'item_price',
    },
  );
  const customers = [0, 1, 2].map((n) => ({ ...customer, id: `${customer.id}${n}`, email: `c${n}-${sfx}@user.com` }));
  fake.objects.customers.push(...customers);
  const subscriptions: Record<string, any>[] = [0, 1].map((n) => ({
    ...subscription,
    id: `${subscription.id}${n}`,
    customer_id: customers[n]!.id,
  }));
  fake.objects.subscriptions.push(...subscriptions);
  // An invoice older than the history window is not read.
  const invoices = [0, 1, 2].map((n) => ({
    ...invoice,
    id: `${invoice.id}-${n}`,
    customer_id: customers[n]!.id,
    subscription_id: subscriptions[n]?.id ?? null,
    date: n === 2 ? nowSec - 3 * 365 * 86_400 : nowSec - 86_400,
  }));
  fake.objects.invoices.push(...invoices);
  return { customers, subscriptions, invoices };
}

let seeded: ReturnType<typeof seed>;
beforeAll(async () => {
  fake = await new FakeChargebeeServer(API_KEY).start();
  process.env.CHARGEBEE_API_BASE = fake.url;
  process.env.CHARGEBEE_SITE = 'acme-test';
  process.env.CHARGEBEE_API_KEY = API_KEY;
  configureChargebeeWebhookEnv();
  seeded = seed();
});
afterAll(async () => {
  for (const name of ['CHARGEBEE_API_BASE', 'CHARGEBEE_SITE', 'CHARGEBEE_API_KEY']) delete process.env[name];
  resetEnvForTests();
  await fake?.stop();
});

async function counts() {
  const db = getDb();
  const ids = seeded.customers.map((c) => c.id);
  return {
    plans: await db.plan.count({ where: { externalId: { endsWith: sfx } } }),
    customers: await db.customer.count({ where: { billingProvider: 'chargebee', externalId: { in: ids } } }),
    subscriptions: await db.subscription.count({
      where: { externalId: { in: seeded.subscriptions.map((s) => s.id) } },
    }),
    invoices: await db.invoice.count({ where: { externalId: { in: seeded.invoices.map((i) => i.id) } } }),
    lines: await db.invoiceLine.count({ where: { invoice: { externalId: { in: seeded.invoices.map((i) => i.id) } } } }),
  };
}

describe('Chargebee import', () => {
  it('reads every page through the SDK and stores plans, customers, subscriptions and invoices once', async () => {
    const runId = await createChargebeeImport(actor, 12);
    const pages: string[] = [];
    expect(await runChargebeeImport(runId, { pageSize: 2, onPage: (p) => void pages.push(p.type) })).toBe('succeeded');
    expect(await counts()).toEqual({ plans: 1, customers: 3, subscriptions: 2, invoices: 2, lines: 2 });
    // Two pages of customers (2 + 1) on next_offset, as Chargebee pages them.
    expect(pages.filter((t) => t === 'customers')).toHaveLength(2);
    const invoiceQuery = fake.requests.find((r) => r.path === '/invoices')!.query;
    expect(Number(invoiceQuery.get('date[after]'))).toBeGreaterThan(0);

    const plan = await getDb().plan.findUniqueOrThrow({ where: { externalId: `basic-USD-monthly-${sfx}` } });
    expect(plan).toMatchObject({ name: `Basic ${sfx}`, basePriceMinor: 1000, currency: 'usd', interval: 'month' });
    const sub = await getDb().subscription.findUniqueOrThrow({ where: { externalId: seeded.subscriptions[0]!.id } });
    expect(sub).toMatchObject({ status: 'active', planId: plan.id });

    const view = await getStripeImport(runId, 'chargebee', CHARGEBEE_IMPORT_STEPS);
    expect(view).toMatchObject({ status: 'succeeded', recentErrors: [] });
    expect(view!.steps.map((s) => [s.type, s.status, s.done, s.total])).toEqual([
      ['item_prices', 'done', 2, 2],
      ['customers', 'done', 3, 3],
      ['subscriptions', 'done', 2, 2],
      ['invoices', 'done', 2, 2],
    ]);
    // Chargebee's runs are not Stripe's: the Stripe card's "latest import" is not this one.
    expect((await getStripeImport())?.id).not.toBe(runId);
  });

  it('re-running duplicates nothing, and a run that crashed mid-list resumes from its checkpoint', async () => {
    const before = await counts();
    const runId = await createChargebeeImport(actor, 12);
    let pagesRead = 0;
    const crash = async (p: { type: string }) => {
      if (p.type === 'customers' && ++pagesRead === 1) throw new Error('worker died');
    };
    await expect(runChargebeeImport(runId, { pageSize: 2, onPage: crash })).rejects.toThrow('worker died');
    expect((await getDb().stripeImportRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe('failed');
    const step = await getDb().stripeImportStep.findUniqueOrThrow({
      where: { runId_objectType: { runId, objectType: 'customers' } },
    });
    expect(step).toMatchObject({ status: 'running', done: 2 });
    expect(step.cursor).toBeTruthy();

    const customerReads = () => fake.requests.filter((r) => r.path === '/customers').length;
    const readsBefore = customerReads();
    expect(await runChargebeeImport(runId, { pageSize: 2 })).toBe('succeeded');
    // Resumed on the checkpointed offset: only the second page of customers is read again.
    expect(customerReads() - readsBefore).toBe(1);
    expect(await counts()).toEqual(before);
  });

  it('a newer webhook snapshot is never overwritten by the import', async () => {
    const subscription = seeded.subscriptions[1]!;
    const newer = laterVersion(sampleEvent('subscription_cancelled', sfx), 0);
    newer.content.subscription = {
      ...newer.content.subscription,
      id: subscription.id,
      customer_id: subscription.customer_id,
      resource_version: subscription.resource_version + 60_000,
    };
    newer.content.customer = { ...newer.content.customer, id: subscription.customer_id };
    newer.id = `${newer.id}_import`;
    await getDb().plan.upsert({
      where: { externalId: `advanced-USD-monthly-${sfx}` },
      create: {
        key: `advanced_${sfx}`,
        name: 'Advanced',
        externalId: `advanced-USD-monthly-${sfx}`,
        basePriceMinor: 2500,
      },
      update: {},
    });
    await deliverChargebee(newer);
    const runId = await createChargebeeImport(actor, 12);
    expect(await runChargebeeImport(runId, { pageSize: 100 })).toBe('succeeded');
    const stored = await getDb().subscription.findUniqueOrThrow({ where: { externalId: subscription.id } });
    expect(stored.status).toBe('canceled');
  });
});
