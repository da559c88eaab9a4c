import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { agentSignalsJob } from '@/lib/server/agents/agent-triggers';
import { claimNextAction } from '@/lib/server/actions/claim-next-action';
import { decideAction } from '@/lib/server/actions/decide-action';
import { executeClaimedAction } from '@/lib/server/actions/execute-claimed-action';
import { runDueActions } from '@/lib/server/actions/run-due-actions';
import { startWorker, type RunningWorker } from '@/lib/server/worker/start-worker';
import { parkOpenActions, setPolicy } from '../actions/world';
import { startStripeWorld, type StripeWorld } from '../actions/stripe-world';
import { configureWebhookEnv, createAdmin } from '../webhooks/helpers';
import {
  chargeFailed,
  decisionsFor,
  deliverAll,
  dropQueuedJobs,
  invoiceEvent,
  job,
  makeFailingAccount,
} from './dunning-world';

// The retry the agent drafted, approved by a person, executes once through Stripe's
// invoices.pay with the action's idempotency key — not before the time it was chosen for — and
// the invoice.paid that follows closes the episode and withdraws what is still pending.

let world: StripeWorld;
let worker: RunningWorker;

beforeAll(async () => {
  world = await startStripeWorld();
  configureWebhookEnv({ secretKey: 'sk_test_fake', apiBase: world.fake.url });
  await dropQueuedJobs(agentSignalsJob.name);
  worker = await startWorker('billing-ops-retry-test', [agentSignalsJob, job], { loops: false });
  for (const kind of ['dunning_step', 'email', 'crm_task', 'credit'] as const)
    await setPolicy(kind, { mode: 'assist' });
});
afterAll(async () => {
  await worker.stop();
  await world.close();
  configureWebhookEnv();
});

// A real worker, webhooks and the executor in one journey: it waits on queues shared with the whole suite.
describe('billing-ops retry execution', { timeout: 120_000 }, () => {
  it('approve → waits for retryAt → one invoices.pay with the idempotency key → invoice.paid closes the episode', async () => {
    const a = await makeFailingAccount(world.fake);
    await deliverAll(chargeFailed(a, world.fake, 'card_declined', 'insufficient_funds'), a.failed);
    const [first] = await decisionsFor(a.inv.id);
    const retry = first!.actions.find((x) => x.kind === 'dunning_step')!;
    const retryAt = new Date((retry.revisions[0]!.payload as { retryAt: string }).retryAt);

    await parkOpenActions();
    const admin = await createAdmin();
    await decideAction(admin, retry.id, { revision: 1, decision: 'approved' }, 'req-dunning');
    expect((await getDb().action.findUniqueOrThrow({ where: { id: retry.id } })).nextAttemptAt).toEqual(retryAt);
    // Not due yet: nothing is claimed, Stripe is not called.
    expect(await runDueActions(world.provider)).toEqual([]);
    expect(world.billing.effectsFor('invoice_pay')).toHaveLength(0);

    // At the chosen time it is claimed and executed once.
    const claim = await claimNextAction(getEnv().ACTION_LEASE_SECONDS, new Date(retryAt.getTime() + 1_000));
    expect(claim?.id).toBe(retry.id);
    expect(await executeClaimedAction(claim!, world.provider)).toBe('executed');
    const pays = world.fake.requestsTo('POST', `/v1/invoices/${a.inv.id}/pay`);
    expect(pays).toHaveLength(1);
    expect(pays[0]!.headers['idempotency-key']).toBe(`tollgate-action-${retry.id}-r1`);
    expect(await getDb().action.findUniqueOrThrow({ where: { id: retry.id } })).toMatchObject({ status: 'executed' });
    expect(await claimNextAction(getEnv().ACTION_LEASE_SECONDS, new Date(retryAt.getTime() + 60_000))).toBeNull();

    // A follow-up drafted meanwhile (e.g. a call task) is withdrawn once Stripe reports the payment.
    const pending = await getDb().action.create({
      data: {
        kind: 'crm_task',
        status: 'pending_approval',
        customerId: a.customer.id,
        agentRunId: first!.id,
        title: 'Call about the invoice',
        revisions: { create: { revision: 1, payload: { title: 'Call', body: '' } } },
      },
    });
    await deliverAll(
      invoiceEvent(a, 'invoice.paid', { status: 'paid', amount_remaining: 0, amount_paid: a.inv.amount_due }),
    );
    const runs = await decisionsFor(a.inv.id);
    const closing = runs.at(-1)!;
    expect(runs).toHaveLength(2);
    expect(closing.outputs).toMatchObject({
      outcome: 'recovered',
      dunning: { step: 'recovered' },
      withdrawn: [pending.id],
    });
    expect(await getDb().action.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({
      status: 'cancelled',
    });
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { targetId: pending.id, action: 'action.cancelled' },
    });
    expect(audit).toMatchObject({ actorType: 'agent', actorId: 'billing-ops' });
  });
});
