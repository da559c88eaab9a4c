import { getDb, getPool } from '@/lib/db';
import { clock } from '@/lib/clock';
import { agentJob } from '@/lib/server/agents/agent-triggers';
import { billingOps } from '@/lib/server/agents/billing-ops/billing-ops';
import type { FakeStripeServer } from '../fixtures/fake-stripe-server';
import { uniq } from '../helpers/fresh-database';
import { deliver, obj, rubyMockEvent, suffix, variant, type StripeEvent } from '../webhooks/helpers';

// A customer with one open invoice whose payment fails, delivered the way Stripe reports it —
// as signed webhooks through the real route and inbox, with the objects also served by the fake
// Stripe API the handlers re-fetch from — and helpers to wait for the billing-ops jobs.

export const job = agentJob(billingOps);

/**
 * Drops the billing-ops jobs earlier files queued with no worker running: every Stripe customer
 * or card event in the suite queues one, and a worker started here would work them off (each
 * against a fake Stripe long gone) before this file's own.
 */
export async function dropQueuedJobs(...names: string[]) {
  if (!(await getPool().query(`SELECT to_regclass('pgboss.job') AS t`)).rows[0].t) return;
  await getPool().query(`DELETE FROM pgboss.job WHERE name = ANY($1) AND state IN ('created', 'retry')`, [
    [job.name, ...names],
  ]);
}
const DAY = 86_400_000;

export async function makeFailingAccount(fake: FakeStripeServer, opts: { mrrMinor?: number } = {}) {
  const sfx = suffix();
  const failed = rubyMockEvent('invoice.payment_failed', sfx);
  const inv = obj(failed);
  inv.status = 'open';
  fake.put({ ...inv });
  const customer = await getDb().customer.create({
    data: {
      name: `Dunning ${sfx}`,
      email: `billing-${sfx.toLowerCase()}@example.test`,
      externalId: inv.customer,
      metadata: { timezone: 'Europe/Berlin' },
      createdAt: new Date(clock.nowMs() - 400 * DAY),
    },
  });
  if (opts.mrrMinor) {
    const plan = await getDb().plan.create({
      data: { key: uniq('dun-plan'), name: 'Scale', basePriceMinor: opts.mrrMinor },
    });
    await getDb().subscription.create({
      data: {
        customerId: customer.id,
        planId: plan.id,
        status: 'past_due',
        currentPeriodStart: new Date(clock.nowMs() - 10 * DAY),
        currentPeriodEnd: new Date(clock.nowMs() + 20 * DAY),
      },
    });
  }
  return { sfx, failed, inv, customer };
}
export type FailingAccount = Awaited<ReturnType<typeof makeFailingAccount>>;

const created = () => Math.floor(clock.nowMs() / 1000);

/** charge.failed with Stripe's umbrella failure_code and the bank's reason in outcome.reason. */
export function chargeFailed(a: FailingAccount, fake: FakeStripeServer, failureCode: string, reason: string | null) {
  const charge = {
    id: a.inv.charge,
    object: 'charge',
    customer: a.inv.customer,
    invoice: a.inv.id,
    payment_intent: a.inv.payment_intent,
    amount: a.inv.amount_due,
    currency: 'usd',
    status: 'failed',
    paid: false,
    failure_code: failureCode,
    failure_message: 'Your card was declined.',
    outcome: reason ? { type: 'issuer_declined', reason, seller_message: `The bank returned ${reason}.` } : null,
    created: created(),
  };
  fake.put(charge);
  return {
    ...a.failed,
    id: `evt_chfail${suffix()}`,
    type: 'charge.failed',
    created: created(),
    data: { object: charge },
  };
}

/** payment_intent.payment_failed with last_payment_error.code / decline_code. */
export function intentFailed(a: FailingAccount, fake: FakeStripeServer, code: string, declineCode: string | null) {
  const intent = {
    id: a.inv.payment_intent,
    object: 'payment_intent',
    customer: a.inv.customer,
    invoice: a.inv.id,
    amount: a.inv.amount_due,
    currency: 'usd',
    status: 'requires_payment_method',
    latest_charge: a.inv.charge,
    last_payment_error: {
      type: 'card_error',
      code,
      decline_code: declineCode,
      charge: a.inv.charge,
      message: 'Declined',
    },
    created: created(),
  };
  fake.put(intent);
  return {
    ...a.failed,
    id: `evt_pifail${suffix()}`,
    type: 'payment_intent.payment_failed',
    created: created(),
    data: { object: intent },
  };
}

export const invoiceEvent = (a: FailingAccount, type: string, changes: Record<string, unknown> = {}) =>
  variant(a.failed, created(), changes, type);

/** Delivers events in order, then waits until every billing-ops job they queued has finished. */
export async function deliverAll(...events: StripeEvent[]) {
  const keys: string[] = [];
  for (const e of events) {
    const { inbox } = await deliver(e);
    if (inbox.status !== 'processed') throw new Error(`${e.type}: ${inbox.status} ${inbox.lastError}`);
    keys.push(`${String(obj(e).id)}:${e.type}`);
  }
  await settled(keys);
}

async function settled(keys: string[]) {
  const deadline = Date.now() + 90_000; // under the journeys' 120 s: a loaded CI machine shares the queues
  for (;;) {
    const { rows } = await getPool().query<{ state: string; singleton_key: string }>(
      `SELECT state, singleton_key FROM pgboss.job WHERE name = $1 AND singleton_key = ANY($2)`,
      [job.name, keys],
    );
    const seen = new Set(rows.map((r) => r.singleton_key));
    if (keys.every((k) => seen.has(k)) && rows.every((r) => r.state === 'completed')) return;
    if (Date.now() > deadline)
      throw new Error(`billing-ops jobs: ${rows.map((r) => `${r.singleton_key} ${r.state}`).join(', ')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export const decisionsFor = (invoiceExternalId: string) =>
  getDb().agentRun.findMany({
    where: { agentId: 'billing-ops', customer: { invoices: { some: { externalId: invoiceExternalId } } } },
    orderBy: { startedAt: 'asc' },
    include: { actions: { include: { revisions: true } } },
  });
