import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { clock } from '@/lib/clock';
import { agentSignalsJob } from '@/lib/server/agents/agent-triggers';
import { billingOps } from '@/lib/server/agents/billing-ops/billing-ops';
import { runAgent } from '@/lib/server/agents/run-agent';
import { getCustomerPayments } from '@/lib/server/support/get-customer-payments';
import { startWorker, type RunningWorker } from '@/lib/server/worker/start-worker';
import { wrapInEvent } from '@/tests/fixtures/stripe-fixture-files';
import { cardPaymentMethod } from '@/tests/fixtures/stripe-payment-method';
import { setPolicy } from '../actions/world';
import { uniq } from '../helpers/fresh-database';
import { configureWebhookEnv, suffix, type StripeEvent } from '../webhooks/helpers';
import { deliverAll, dropQueuedJobs, job } from './dunning-world';

// Billing Ops' expiring-card check on real PostgreSQL: the daily scan (the agent's own run, as its
// cron sends it) drafts one update-card e-mail per default card × expiry through policy, also when
// scans run in parallel; no reminder for a subscription that will not renew, a far expiry or a card
// that is not the default; a renewed or replaced card withdraws the pending reminder — through a
// real card webhook and a real worker, or at the next scan.

const DAY = 86_400_000;
let worker: RunningWorker;

beforeAll(async () => {
  configureWebhookEnv();
  await dropQueuedJobs(agentSignalsJob.name);
  worker = await startWorker('billing-ops-cards-test', [agentSignalsJob, job], { loops: false });
});
afterAll(async () => worker.stop());
beforeEach(() => setPolicy('email', { mode: 'assist' }));

/** The card month `months` after the clock's (UTC). */
function expiryIn(months: number) {
  const now = clock.now();
  const index = now.getUTCFullYear() * 12 + now.getUTCMonth() + months;
  return { exp_year: Math.floor(index / 12), exp_month: (index % 12) + 1 };
}
const asDbCard = (e: { exp_month: number; exp_year: number }) => ({ expMonth: e.exp_month, expYear: e.exp_year });

async function account(opts: { status?: 'active' | 'canceled'; months?: number; isDefault?: boolean } = {}) {
  const sfx = suffix();
  const db = getDb();
  const plan = await db.plan.create({ data: { key: uniq('card-plan'), name: 'Scale', basePriceMinor: 9_900 } });
  const pm = `pm_cardx${sfx}`;
  const customer = await db.customer.create({
    data: {
      name: `Cards ${sfx}`,
      email: `billing-${sfx.toLowerCase()}@example.test`,
      externalId: `cus_cardsx${sfx}`,
      defaultPaymentMethodExternalId: opts.isDefault === false ? `pm_otherx${sfx}` : pm,
    },
  });
  await db.subscription.create({
    data: {
      customerId: customer.id,
      planId: plan.id,
      status: opts.status ?? 'active',
      currentPeriodStart: new Date(clock.nowMs() - 10 * DAY),
      currentPeriodEnd: new Date(clock.nowMs() + 20 * DAY),
    },
  });
  const exp = expiryIn(opts.months ?? 1);
  await db.paymentCard.create({
    data: { customerId: customer.id, externalId: pm, brand: 'visa', last4: '4242', ...asDbCard(exp) },
  });
  return { customer, pm, exp, sfx };
}

const scan = (customerIds: string[]) =>
  runAgent(
    billingOps,
    { trigger: 'schedule', customerIds, asOf: clock.now().toISOString() },
    { jobId: uniq('cards-scan') },
  );
const cardDecisions = (customerId: string) =>
  getDb().agentRun.findMany({
    where: { agentId: 'billing-ops', customerId, inputs: { path: ['check'], equals: 'expiring_card' } },
    orderBy: { startedAt: 'asc' },
    include: { actions: { include: { revisions: true } } },
  });
const actionsOf = (customerId: string) =>
  getDb().action.findMany({
    where: { customerId, agentRun: { agentId: 'billing-ops' } },
    orderBy: { createdAt: 'asc' },
  });
const mm = (e: { exp_month: number; exp_year: number }) => `${String(e.exp_month).padStart(2, '0')}/${e.exp_year}`;

describe('billing-ops: expiring default cards', () => {
  it('the scan drafts one update-card e-mail naming the card and why now; a second scan drafts nothing', async () => {
    const a = await account({ months: 1 });
    await scan([a.customer.id]);
    const [run, ...more] = await cardDecisions(a.customer.id);
    expect(more).toHaveLength(0);
    expect(run).toMatchObject({ status: 'succeeded', trigger: expect.objectContaining({ type: 'schedule' }) });
    expect(run!.inputs).toMatchObject({
      check: 'expiring_card',
      cardKey: `${a.pm}#${a.exp.exp_year}-${mm(a.exp).slice(0, 2)}`,
    });
    expect(run!.reasoning).toContain(
      `The default card, Visa •••• 4242 (expires ${mm(a.exp)}), stops working at the end of next month`,
    );
    expect(run!.reasoning).toMatch(/The subscription renews on \d{4}-\d{2}-\d{2}, still on this card/);
    const [action] = run!.actions;
    expect(action).toMatchObject({ kind: 'email', status: 'pending_approval', customerId: a.customer.id });
    expect(action!.title).toBe(`Ask ${a.customer.name} to update Visa •••• 4242 (expires ${mm(a.exp)})`);
    const payload = action!.revisions[0]!.payload as { to: string; subject: string; body: string };
    expect(payload.to).toBe(a.customer.email);
    expect(payload.subject).toMatch(/^Your Visa ending 4242 expires in \w+ \d{4}$/);
    expect(payload.body).toContain('Reply to this e-mail and we will send you a secure link to update your card.');

    await scan([a.customer.id]);
    expect(await cardDecisions(a.customer.id)).toHaveLength(1);
    expect(await actionsOf(a.customer.id)).toHaveLength(1);

    // The customer page's payment section shows the same card with its badge.
    expect((await getCustomerPayments(a.customer.id)).defaultCard).toEqual({
      brand: 'visa',
      last4: '4242',
      ...asDbCard(a.exp),
      expiresSoon: true,
      expired: false,
    });
  });

  it('parallel scans draft once', async () => {
    const a = await account({ months: 0 });
    await Promise.all(Array.from({ length: 4 }, () => scan([a.customer.id])));
    expect(await cardDecisions(a.customer.id)).toHaveLength(1);
    const actions = await actionsOf(a.customer.id);
    expect(actions).toHaveLength(1);
    expect(actions[0]!.status).toBe('pending_approval');
  });

  it('no reminder for a cancelled subscription, a card expiring in three months or a card that is not the default', async () => {
    const cancelled = await account({ status: 'canceled', months: 0 });
    const far = await account({ months: 3 });
    const notDefault = await account({ months: 1, isDefault: false });
    const ids = [cancelled, far, notDefault].map((x) => x.customer.id);
    await scan(ids);
    for (const id of ids) {
      expect(await cardDecisions(id)).toHaveLength(0);
      expect(await actionsOf(id)).toHaveLength(0);
    }
    expect((await getCustomerPayments(far.customer.id)).defaultCard).toMatchObject({ expiresSoon: false });
    expect((await getCustomerPayments(notDefault.customer.id)).defaultCard).toBeNull();
  });

  it('a renewed card (payment_method.automatically_updated webhook) withdraws the pending reminder at once', async () => {
    const a = await account({ months: 1 });
    await scan([a.customer.id]);
    const [drafted] = await actionsOf(a.customer.id);
    expect(drafted!.status).toBe('pending_approval');

    const renewed = cardPaymentMethod(a.pm, a.customer.externalId, { ...expiryIn(37), last4: '4242' });
    const created = Math.floor(clock.nowMs() / 1000);
    const event = {
      ...wrapInEvent('payment_method.automatically_updated', renewed, created),
      id: `evt_pmrenewx${a.sfx}`,
    } as unknown as StripeEvent;
    await deliverAll(event);

    expect((await getDb().action.findUniqueOrThrow({ where: { id: drafted!.id } })).status).toBe('cancelled');
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { action: 'action.cancelled', targetId: drafted!.id },
    });
    expect(audit).toMatchObject({ actorType: 'agent', actorId: 'billing-ops' });
    const runs = await cardDecisions(a.customer.id);
    expect(runs).toHaveLength(2);
    expect(runs[1]!.reasoning).toContain(`the default card is now Visa •••• 4242 (expires ${mm(expiryIn(37))})`);
    expect(runs[1]!.outputs).toMatchObject({ expiringCard: { cardKey: null, withdrawn: [drafted!.id] } });
    // The renewed card is far from expiry: the next scan drafts nothing.
    await scan([a.customer.id]);
    expect(await actionsOf(a.customer.id)).toHaveLength(1);
  });

  it('a subscription set to cancel at period end withdraws the reminder at the next scan', async () => {
    const a = await account({ months: 1 });
    await scan([a.customer.id]);
    await getDb().subscription.updateMany({ where: { customerId: a.customer.id }, data: { cancelAtPeriodEnd: true } });
    await scan([a.customer.id]);
    const [action] = await actionsOf(a.customer.id);
    expect(action!.status).toBe('cancelled');
    const runs = await cardDecisions(a.customer.id);
    expect(runs.at(-1)!.reasoning).toContain('no subscription will charge the card again');
  });

  it('a new default card stored without a run (as the import does) is caught by the next scan: withdrawn, and the new card is checked', async () => {
    const a = await account({ months: 0 });
    await scan([a.customer.id]);
    const [first] = await actionsOf(a.customer.id);
    const replacement = `pm_newx${a.sfx}`;
    await getDb().paymentCard.create({
      data: {
        customerId: a.customer.id,
        externalId: replacement,
        brand: 'mastercard',
        last4: '4444',
        ...asDbCard(expiryIn(1)),
      },
    });
    await getDb().customer.update({
      where: { id: a.customer.id },
      data: { defaultPaymentMethodExternalId: replacement },
    });
    await scan([a.customer.id]);
    const actions = await actionsOf(a.customer.id);
    expect(actions.map((x) => x.status)).toEqual(['cancelled', 'pending_approval']);
    expect(actions[0]!.id).toBe(first!.id);
    const withdrawal = await getDb().auditEvent.findFirstOrThrow({
      where: { action: 'action.cancelled', targetId: first!.id },
    });
    expect((withdrawal.data as { reason: string }).reason).toMatch(/the default card is now Mastercard •••• 4444/);
    expect(actions[1]!.title).toBe(
      `Ask ${a.customer.name} to update Mastercard •••• 4444 (expires ${mm(expiryIn(1))})`,
    );
  });
});
