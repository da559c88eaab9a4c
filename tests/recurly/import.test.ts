import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { getStripeImport } from '@/lib/server/billing/stripe/import/get-stripe-import';
import { RECURLY_IMPORT_STEPS } from '@/lib/server/billing/recurly/import/recurly-import-steps';
import { runRecurlyImport } from '@/lib/server/billing/recurly/import/run-recurly-import';
import { createRecurlyImport } from '@/lib/server/billing/recurly/import/start-recurly-import';
import { testRecurlyConnection } from '@/lib/server/billing/recurly/test-recurly-connection';
import { resetEnvForTests } from '@/lib/env';
import { FakeRecurlyServer, type RecurlyJson } from '../fixtures/fake-recurly-server';
import {
  API_KEY,
  clearRecurlyEnv,
  configureRecurlyEnv,
  deliverRecurly,
  notification,
  recurlyId,
  recurlyWorld,
} from './recurly-world';

// "Import from Recurly" through the recurly SDK against a local fake speaking Recurly's list
// shape ({ object: 'list', has_more, next, data }), onto real PostgreSQL: plans become Tollgate
// plans, accounts, subscriptions and invoices go through the webhooks' writers, re-running adds
// nothing, a crashed run resumes from its `next` checkpoint, and a newer webhook wins.

let fake: FakeRecurlyServer;
const actor = { type: 'system' as const, id: 'test' };
const planId = recurlyId();

function seed() {
  const worlds = [0, 1, 2].map(() => recurlyWorld(planId));
  const iso = new Date().toISOString();
  fake.objects.plans.push(
    {
      id: planId,
      object: 'plan',
      code: `basic-${planId}`,
      name: `Basic ${planId}`,
      state: 'active',
      interval_unit: 'months',
      interval_length: 1,
      currencies: [{ currency: 'USD', unit_amount: 19.99, setup_fee: 0 }],
      created_at: iso,
      updated_at: iso,
    },
    { id: recurlyId(), object: 'plan', code: 'retired', name: 'Retired', state: 'inactive', currencies: [] },
  );
  const accounts = worlds.map((w) => w.account);
  const subscriptions = worlds.slice(0, 2).map((w) => w.subscription);
  // The third invoice is older than the history window: not read.
  const invoices = worlds.map((w) => w.invoice);
  invoices[2]!.created_at = new Date(Date.now() - 3 * 365 * 86_400_000).toISOString();
  fake.objects.accounts.push(...accounts);
  fake.objects.subscriptions.push(...subscriptions);
  fake.objects.invoices.push(...invoices);
  return { accounts, subscriptions, invoices };
}

let seeded: ReturnType<typeof seed>;
beforeAll(async () => {
  fake = await new FakeRecurlyServer(API_KEY).start();
  configureRecurlyEnv({ apiBase: fake.url });
  seeded = seed();
});
afterAll(async () => {
  clearRecurlyEnv();
  await fake?.stop();
});

async function counts() {
  const db = getDb();
  const ids = (list: RecurlyJson[]) => ({ in: list.map((o) => o.id as string) });
  return {
    plans: await db.plan.count({ where: { externalId: planId } }),
    customers: await db.customer.count({ where: { billingProvider: 'recurly', externalId: ids(seeded.accounts) } }),
    subscriptions: await db.subscription.count({ where: { externalId: ids(seeded.subscriptions) } }),
    invoices: await db.invoice.count({ where: { externalId: ids(seeded.invoices) } }),
    lines: await db.invoiceLine.count({ where: { invoice: { externalId: ids(seeded.invoices) } } }),
  };
}

describe('Recurly import', () => {
  it('reads every page through the SDK and stores plans, accounts, subscriptions and invoices once', async () => {
    const runId = await createRecurlyImport(actor, 12);
    const pages: string[] = [];
    expect(await runRecurlyImport(runId, { pageSize: 2, onPage: (p) => void pages.push(p.type) })).toBe('succeeded');
    expect(await counts()).toEqual({ plans: 1, customers: 3, subscriptions: 2, invoices: 2, lines: 2 });
    // Two pages of accounts (2 + 1), the second read on the first page's `next`.
    expect(pages.filter((t) => t === 'accounts')).toHaveLength(2);
    const accountReads = fake.requests.filter((r) => r.path === '/accounts');
    expect(accountReads[0]!.query.get('sort')).toBe('updated_at');
    expect(accountReads[1]!.query.get('cursor')).toBeTruthy();
    const invoiceQuery = fake.requests.find((r) => r.path === '/invoices')!.query;
    expect(invoiceQuery.get('type')).toBe('charge');
    expect(Date.parse(invoiceQuery.get('begin_time')!)).toBeLessThan(Date.now() - 300 * 86_400_000);

    const plan = await getDb().plan.findUniqueOrThrow({ where: { externalId: planId } });
    expect(plan).toMatchObject({ name: `Basic ${planId}`, basePriceMinor: 1999, currency: 'usd', interval: 'month' });
    const sub = await getDb().subscription.findUniqueOrThrow({ where: { externalId: seeded.subscriptions[0]!.id } });
    expect(sub).toMatchObject({ status: 'active', planId: plan.id });
    const invoice = await getDb().invoice.findUniqueOrThrow({ where: { externalId: seeded.invoices[0]!.id } });
    expect(invoice).toMatchObject({ status: 'paid', total: 1000, subscriptionId: sub.id });

    const view = await getStripeImport(runId, 'recurly', RECURLY_IMPORT_STEPS);
    expect(view).toMatchObject({ status: 'succeeded', recentErrors: [] });
    expect(view!.steps.map((s) => [s.type, s.status, s.done, s.total])).toEqual([
      ['plans', 'done', 2, 2],
      ['accounts', 'done', 3, 3],
      ['subscriptions', 'done', 2, 2],
      ['invoices', 'done', 2, 2],
    ]);
  });

  it('re-running duplicates nothing, and a run that crashed mid-list resumes from its checkpoint', async () => {
    const before = await counts();
    const runId = await createRecurlyImport(actor, 12);
    let pagesRead = 0;
    const crash = async (p: { type: string }) => {
      if (p.type === 'accounts' && ++pagesRead === 1) throw new Error('worker died');
    };
    await expect(runRecurlyImport(runId, { pageSize: 2, onPage: crash })).rejects.toThrow('worker died');
    expect((await getDb().stripeImportRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe('failed');
    const step = await getDb().stripeImportStep.findUniqueOrThrow({
      where: { runId_objectType: { runId, objectType: 'accounts' } },
    });
    expect(step).toMatchObject({ status: 'running', done: 2 });
    expect(step.cursor).toMatch(/^\/accounts\?.*cursor=/);

    const accountReads = () => fake.requests.filter((r) => r.path === '/accounts');
    const readsBefore = accountReads().length;
    expect(await runRecurlyImport(runId, { pageSize: 2 })).toBe('succeeded');
    // Resumed on the checkpointed `next`: only the second page of accounts is read again.
    expect(
      accountReads()
        .slice(readsBefore)
        .map((r) => r.query.get('cursor')),
    ).toEqual([new URL(step.cursor!, 'http://x').searchParams.get('cursor')]);
    expect(await counts()).toEqual(before);
  });

  it('a newer webhook read is never overwritten by an import that listed an older version', async () => {
    const listed = seeded.subscriptions[1]!;
    const newer = { ...listed, state: 'expired', updated_at: new Date().toISOString() };
    const at = fake.objects.subscriptions.indexOf(listed);
    fake.objects.subscriptions.splice(at, 1, newer);
    await deliverRecurly(notification('subscription', 'expired', newer));
    // The list still has the version read before the change.
    fake.objects.subscriptions.splice(at, 1, listed);
    const runId = await createRecurlyImport(actor, 12);
    expect(await runRecurlyImport(runId, { pageSize: 100 })).toBe('succeeded');
    const stored = await getDb().subscription.findUniqueOrThrow({ where: { externalId: listed.id } });
    expect(stored.status).toBe('canceled');
  });

  it('Test connection reads one account with the key, and says plainly when Recurly refuses it', async () => {
    expect(await testRecurlyConnection()).toEqual({
      ok: true,
      message: 'Recurly API v2021-02-25 answers with this key',
    });
    process.env.RECURLY_API_KEY = 'not-the-key';
    resetEnvForTests();
    try {
      expect(await testRecurlyConnection()).toEqual({
        ok: false,
        message: expect.stringMatching(/Invalid API key.*401/),
      });
    } finally {
      configureRecurlyEnv({ apiBase: fake.url });
    }
  });
});
