import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { createStripeImport } from '@/lib/server/billing/stripe/import/start-stripe-import';
import { runStripeImport } from '@/lib/server/billing/stripe/import/run-stripe-import';
import { getStripeImport } from '@/lib/server/billing/stripe/import/get-stripe-import';
import { buildStripeAccount, type AccountIds } from './stripe-account';
import { importedCounts, openImportWorld } from './import-world';

// From an empty database with only a Stripe key: import → catalog, customers, subscriptions,
// invoices; a crash mid-import resumes from the checkpoint; a rerun duplicates nothing; 429s are
// retried. The real stripe SDK talks to the fake over HTTP; everything lands in real PostgreSQL.

const CLI = { type: 'system' as const, id: 'test' };
const fast = { pageSize: 10, backoff: { baseMs: 5, maxMs: 20 } };
let world: Awaited<ReturnType<typeof openImportWorld>>;
let ids: AccountIds;
const nowSec = Math.floor(Date.now() / 1000);

beforeAll(async () => {
  world = await openImportWorld('import');
  ids = buildStripeAccount(world.fake, 'acme', nowSec, 23);
});
afterAll(async () => world?.close());

const EXPECTED = {
  products: 2,
  prices: 4,
  meters: 1,
  plans: 2, // Pro and Starter from their licensed prices; the one-time price makes no plan
  planLimits: 1, // Pro's metered price on the API meter
  customers: 23,
  subscriptions: 23,
  subscriptionItems: 23,
  invoices: 23,
  invoiceLines: 23,
  payments: 23,
  paymentAttempts: 23,
  creditNotes: 1,
  disputes: 1,
  paymentCards: 24, // a default card each, plus the first customer's spare; its SEPA debit is not a card
};

// Whole-account imports on a shared 2-core machine: generous timeouts (no timing is asserted).
describe('Stripe import', { timeout: 180_000 }, () => {
  it('a crash mid-import leaves a checkpoint; resuming finishes with the whole account and no duplicates', async () => {
    const runId = await createStripeImport(CLI, 12);
    let customerPages = 0;
    await expect(
      runStripeImport(runId, {
        ...fast,
        onPage: ({ type }) => {
          if (type === 'customers' && ++customerPages === 2) throw new Error('worker killed');
        },
      }),
    ).rejects.toThrow('worker killed');

    const crashed = await getStripeImport(runId);
    expect(crashed).toMatchObject({ status: 'failed', error: expect.stringContaining('worker killed') });
    const customersStep = await getDb().stripeImportStep.findUniqueOrThrow({
      where: { runId_objectType: { runId, objectType: 'customers' } },
    });
    expect(customersStep).toMatchObject({ status: 'running', done: 20, total: 23 });
    expect(customersStep.cursor).toMatch(/^cus_/);
    expect(await getDb().subscription.count()).toBe(0);

    const before = world.server.requests.length;
    expect(await runStripeImport(runId, fast)).toBe('succeeded');
    const resumedCustomerReads = world.server.requests.slice(before).filter((r) => r.path === '/v1/customers');
    // The catalog steps were done: the resume starts at the customers checkpoint, not page one.
    expect(world.server.requests.slice(before).some((r) => r.path === '/v1/products')).toBe(false);
    expect(resumedCustomerReads[0]!.query.starting_after).toBe(customersStep.cursor);

    expect(await importedCounts()).toEqual(EXPECTED);
    const view = (await getStripeImport(runId))!;
    expect(view.status).toBe('succeeded');
    for (const step of view.steps) expect(step).toMatchObject({ status: 'done', done: step.total, etaSeconds: 0 });
    expect(view.steps.find((s) => s.type === 'customers')).toMatchObject({ done: 23, total: 23, errors: 0 });
  });

  it('imports the catalog as plans mapped to prices, meters mapped to billing meters, and the history linked up', async () => {
    const db = getDb();
    const pro = await db.plan.findUniqueOrThrow({ where: { externalId: ids.proBase }, include: { limits: true } });
    expect(pro).toMatchObject({ name: 'Pro acme', basePriceMinor: 4900, currency: 'usd', interval: 'month' });
    const meter = await db.meter.findUniqueOrThrow({ where: { externalId: ids.meter } });
    expect(meter).toMatchObject({ key: 'api_requests_acme', aggregation: 'sum' });
    expect(pro.limits).toHaveLength(1);
    expect(pro.limits[0]!.meterId).toBe(meter.id);
    expect(pro.limits[0]!.includedQuantity.toString()).toBe('10000');
    expect(pro.limits[0]!.overageUnitPrice.toString()).toBe('0.2');
    expect(pro.limits[0]!.priceExternalId).toBe(ids.proMetered);
    const tiered = await db.stripePrice.findUniqueOrThrow({ where: { externalId: ids.proMetered } });
    expect(tiered).toMatchObject({ billingScheme: 'tiered', usageType: 'metered', meterExternalId: ids.meter });

    const sub = await db.subscription.findUniqueOrThrow({
      where: { externalId: ids.subscriptions[1]! },
      include: { plan: true, customer: true },
    });
    expect(sub.plan.externalId).toBe(ids.starter);
    expect(sub.customer).toMatchObject({ externalId: ids.customers[1], name: 'Customer 1 acme' });
    const invoice = await db.invoice.findUniqueOrThrow({
      where: { externalId: ids.invoices[0]! },
      include: { lines: true },
    });
    expect(invoice).toMatchObject({
      status: 'paid',
      total: 4900,
      subscriptionId: (await db.subscription.findUniqueOrThrow({ where: { externalId: ids.subscriptions[0]! } })).id,
    });
    expect(invoice.lines).toHaveLength(1);
    const payment = await db.payment.findUniqueOrThrow({ where: { externalId: 'pi_acmen0' } });
    expect(payment).toMatchObject({ status: 'succeeded', amount: 4900 });
    expect(await db.creditNote.findUniqueOrThrow({ where: { externalId: 'cn_acme' } })).toMatchObject({
      amount: 500,
      invoiceId: invoice.id,
    });
    const first = await db.customer.findFirstOrThrow({
      where: { externalId: ids.customers[0] },
      include: { paymentCards: { orderBy: { externalId: 'asc' } } },
    });
    expect(first.defaultPaymentMethodExternalId).toBe('pm_acmen0');
    expect(first.paymentCards).toMatchObject([
      { externalId: 'pm_acmen0', brand: 'visa', last4: '1000', expMonth: 1, expYear: 2028, detachedAt: null },
      { externalId: 'pm_acmespare', brand: 'amex', last4: '0005', expMonth: 4, expYear: 2029 },
    ]);
    const cardLists = world.server.requestsTo('GET', `/v1/customers/${ids.customers[0]}/payment_methods`);
    expect(cardLists.at(-1)!.query).toMatchObject({ type: 'card', limit: '100' });
    const dispute = await db.dispute.findUniqueOrThrow({ where: { externalId: 'dp_acme' } });
    expect(dispute.customerId).toBe(
      (await db.customer.findFirstOrThrow({ where: { externalId: ids.customers[1] } })).id,
    );
  });

  it('a rerun updates what changed in Stripe and duplicates nothing', async () => {
    const customer = world.fake['server'].objects.customers.get(ids.customers[3]!)!;
    world.fake.put({ ...customer, name: 'Renamed in Stripe' });
    const runId = await createStripeImport(CLI, 12);
    expect(await runStripeImport(runId, fast)).toBe('succeeded');
    expect(await importedCounts()).toEqual(EXPECTED);
    expect((await getDb().customer.findFirstOrThrow({ where: { externalId: ids.customers[3] } })).name).toBe(
      'Renamed in Stripe',
    );
    expect(await getDb().plan.count()).toBe(2);
  });

  it('429s from Stripe are retried with backoff and the import completes', async () => {
    world.fake.rateLimitNext = 4;
    const retries: string[] = [];
    const runId = await createStripeImport(CLI, 12);
    const outcome = await runStripeImport(runId, {
      ...fast,
      backoff: { ...fast.backoff, onRetry: ({ reason }) => retries.push(reason) },
    });
    expect(outcome).toBe('succeeded');
    expect(world.fake.rateLimited).toBe(4);
    expect(retries).toEqual(Array(4).fill('rate limited (429)'));
    expect(await importedCounts()).toEqual(EXPECTED);
  });

  it('a second worker cannot run an import that is running; a stale one is taken over', async () => {
    const runId = await createStripeImport(CLI, 12);
    await getDb().stripeImportRun.update({
      where: { id: runId },
      data: { status: 'running', heartbeatAt: new Date() },
    });
    expect(await runStripeImport(runId, fast)).toBe('busy');
    await getDb().stripeImportRun.update({
      where: { id: runId },
      data: { heartbeatAt: new Date(Date.now() - 10 * 60_000) },
    });
    expect(await runStripeImport(runId, fast)).toBe('succeeded');
  });
});
