import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { agentSignalsJob } from '@/lib/server/agents/agent-triggers';
import { localParts } from '@/lib/analytics/dunning/payday';
import { startWorker, type RunningWorker } from '@/lib/server/worker/start-worker';
import { setPolicy } from '../actions/world';
import { putWorkflowInPhase } from '../helpers/agent-workflow';
import { startStripeWorld, type StripeWorld } from '../actions/stripe-world';
import { configureWebhookEnv } from '../webhooks/helpers';
import {
  chargeFailed,
  decisionsFor,
  deliverAll,
  dropQueuedJobs,
  intentFailed,
  invoiceEvent,
  job,
  makeFailingAccount,
} from './dunning-world';

// One scenario per decline class through the real path: signed Stripe webhooks → inbox →
// handlers (re-fetching from the fake Stripe API) → the billing-ops job on a real worker → the
// decision record and the drafted step, read back from PostgreSQL.

let world: StripeWorld;
let worker: RunningWorker;

beforeAll(async () => {
  world = await startStripeWorld();
  configureWebhookEnv({ secretKey: 'sk_test_fake', apiBase: world.fake.url });
  await dropQueuedJobs(agentSignalsJob.name);
  worker = await startWorker('billing-ops-test', [agentSignalsJob, job], { loops: false });
});
afterAll(async () => {
  await worker.stop();
  await world.close();
  configureWebhookEnv();
});
beforeEach(async () => {
  for (const kind of ['dunning_step', 'email', 'crm_task', 'credit'] as const)
    await setPolicy(kind, { mode: 'assist' });
});

const dunningOf = (run: { outputs: unknown }) =>
  (run.outputs as { dunning: Record<string, unknown> & { why: string[]; factors: unknown[] } }).dunning;

describe('billing-ops dunning, per decline class', () => {
  it('soft (insufficient funds): one payday-aware retry at 10:00 the customer’s time, once for the three reports', async () => {
    const a = await makeFailingAccount(world.fake);
    await deliverAll(
      chargeFailed(a, world.fake, 'card_declined', 'insufficient_funds'),
      a.failed,
      intentFailed(a, world.fake, 'card_declined', 'insufficient_funds'),
    );
    const runs = await decisionsFor(a.inv.id);
    expect(runs).toHaveLength(1);
    const [run] = runs;
    const d = dunningOf(run!);
    expect(d).toMatchObject({
      declineClass: 'soft',
      declineCode: 'insufficient_funds',
      step: 'retry',
      modelVersion: 'v1',
    });
    expect(d.factors.length).toBeGreaterThan(0);
    expect(run!.reasoning).toContain('insufficient_funds is a soft decline');
    expect(run!.reasoning).toMatch(/Factors \(log-odds\): /);
    const [action] = run!.actions;
    expect(action).toMatchObject({ kind: 'dunning_step', status: 'pending_approval', customerId: a.customer.id });
    const payload = action!.revisions[0]!.payload as { step: string; retryAt: string; invoiceId: string };
    expect(payload.step).toBe('retry_now');
    const at = new Date(payload.retryAt);
    expect(at.getTime()).toBeGreaterThan(run!.startedAt.getTime());
    expect(localParts(at, 'Europe/Berlin')).toMatchObject({ hour: 10, minute: 0 });
    expect([1, 2, 3, 4, 5]).toContain(localParts(at, 'Europe/Berlin').weekday);
  });

  it('hard (lost card, reported on the payment intent): no retry on the dead card; the customer is asked for a new one', async () => {
    const a = await makeFailingAccount(world.fake);
    await deliverAll(intentFailed(a, world.fake, 'card_declined', 'lost_card'), a.failed);
    const [run, ...more] = await decisionsFor(a.inv.id);
    expect(more).toHaveLength(0);
    const d = dunningOf(run!);
    expect(d).toMatchObject({ declineClass: 'hard', declineCode: 'lost_card', step: 'update_card_email' });
    expect(d.why).toContain('A hard decline is not retried on the same card.');
    expect(run!.actions.map((x) => x.kind)).toEqual(['email']);
    const mail = run!.actions[0]!.revisions[0]!.payload as { to: string; subject: string; body: string };
    expect(mail.to).toBe(a.customer.email);
    expect(mail.body).toContain(a.inv.hosted_invoice_url);
    expect(mail.body).toContain('will not accept it again');
  });

  it('needs the customer (authentication required): invoice.payment_action_required drafts the update-card e-mail', async () => {
    const a = await makeFailingAccount(world.fake);
    await deliverAll(invoiceEvent(a, 'invoice.payment_action_required'));
    const [run] = await decisionsFor(a.inv.id);
    expect(dunningOf(run!)).toMatchObject({
      declineClass: 'needs_customer',
      declineCode: 'authentication_required',
      step: 'update_card_email',
    });
    const mail = run!.actions[0]!.revisions[0]!.payload as { body: string };
    expect(run!.actions[0]!.kind).toBe('email');
    expect(mail.body).toContain('confirm the payment');
  });

  it('needs the customer (expired card on the charge): classified from failure_code', async () => {
    const a = await makeFailingAccount(world.fake);
    await deliverAll(chargeFailed(a, world.fake, 'expired_card', null), a.failed);
    const [run] = await decisionsFor(a.inv.id);
    expect(dunningOf(run!)).toMatchObject({ declineClass: 'needs_customer', declineCode: 'expired_card' });
    expect(run!.actions.map((x) => x.kind)).not.toContain('dunning_step');
  });

  it('fraud: stops — nothing retried, nobody chased, the decision says why', async () => {
    const a = await makeFailingAccount(world.fake);
    await deliverAll(chargeFailed(a, world.fake, 'card_declined', 'fraudulent'), a.failed);
    const [run] = await decisionsFor(a.inv.id);
    expect(dunningOf(run!)).toMatchObject({ declineClass: 'fraud', step: 'stop', probability: null });
    expect(run!.actions).toHaveLength(0);
    expect((run!.outputs as { outcome: string }).outcome).toMatch(/^stop: .*fraudulent/);
  });

  it('a high-value account waits for a person even under autopilot; a small one runs on autopilot', async () => {
    // Money runs on autopilot only under a cap (issue 17).
    await setPolicy('dunning_step', { mode: 'autopilot', maxAmountPerAction: 10_000_000 });
    // The workflow has earned autopilot (tests/autonomy covers how): here, what autopilot does.
    await putWorkflowInPhase('billing-ops', 'dunning_step', 'autopilot');
    const big = await makeFailingAccount(world.fake, { mrrMinor: 120_000 });
    const small = await makeFailingAccount(world.fake, { mrrMinor: 5_000 });
    for (const a of [big, small])
      await deliverAll(chargeFailed(a, world.fake, 'card_declined', 'insufficient_funds'), a.failed);
    const steps = async (ext: string) =>
      (await decisionsFor(ext)).flatMap((r) => r.actions).filter((x) => x.kind === 'dunning_step');
    const [held] = await steps(big.inv.id);
    expect(held).toMatchObject({ status: 'pending_approval', autoApproved: false });
    expect(held!.revisions[0]!.note).toMatch(/^Needs approval: high-value account \(MRR \$1,200\.00/);
    const [auto] = await steps(small.inv.id);
    expect(auto).toMatchObject({ status: 'approved', autoApproved: true });
    // Approved at once, but it waits for its time: the executor does not claim it before retryAt.
    const retryAt = (auto!.revisions[0]!.payload as { retryAt: string }).retryAt;
    expect((await getDb().action.findUniqueOrThrow({ where: { id: auto!.id } })).nextAttemptAt).toEqual(
      new Date(retryAt),
    );
  });
});
