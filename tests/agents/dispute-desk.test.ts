import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '@/lib/clock';
import { getDb, getPool } from '@/lib/db';
import { agentJob, agentSignalsJob } from '@/lib/server/agents/agent-triggers';
import { disputeDesk } from '@/lib/server/agents/dispute-desk/dispute-desk';
import { startWorker, type RunningWorker } from '@/lib/server/worker/start-worker';
import { setPolicy } from '../actions/world';
import { configureWebhookEnv, deliver, obj, rubyMockEvent, suffix, variant } from '../webhooks/helpers';

// The dispute desk end to end: a signed charge.dispute.created goes through the webhook route and
// the inbox processor, whose hook queues the agent's job; a real worker runs it, and the drafted
// CRM task and its decision record are read back from PostgreSQL.

const job = agentJob(disputeDesk);
let worker: RunningWorker;

/** Waits until the worker has finished every dispute desk job queued for a dispute; returns how many. */
async function settled(disputeId: string, atLeast = 1): Promise<number> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { rows } = await getPool().query<{ state: string }>(
      `SELECT state FROM pgboss.job WHERE name = $1 AND singleton_key = $2`,
      [job.name, `${disputeId}:charge.dispute.created`],
    );
    if (rows.length >= atLeast && rows.every((r) => r.state === 'completed')) return rows.length;
    if (Date.now() > deadline) throw new Error(`jobs of ${disputeId}: ${rows.map((r) => r.state).join(', ')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const decisions = (disputeId: string) =>
  getDb().agentRun.findMany({
    where: { agentId: 'dispute-desk', inputs: { path: ['externalId'], equals: disputeId } },
    include: { actions: { include: { revisions: true } } },
  });

beforeAll(async () => {
  configureWebhookEnv();
  await setPolicy('crm_task', { mode: 'assist' });
  // The inbox signals the agent platform, which fans the event out to the desk's own queue.
  worker = await startWorker('dispute-desk-test', [agentSignalsJob, job], { loops: false });
});
afterAll(() => worker.stop());

describe('dispute desk', () => {
  it('a dispute on a failed invoice charge: one support task with amount, reason, deadline, invoice and evidence', async () => {
    const sfx = suffix();
    const failed = rubyMockEvent('invoice.payment_failed', sfx);
    await deliver(failed);
    const dispute = rubyMockEvent('charge.dispute.created', sfx);
    // Evidence due in ten days on the application clock (the fixture's deadline is long past).
    const dueBy = Math.floor(clock.nowMs() / 1000) + 10 * 86_400;
    obj(dispute).evidence_details.due_by = dueBy;
    const { inboxId } = await deliver(dispute);
    const disputeId = obj(dispute).id as string;
    expect(await settled(disputeId)).toBe(1);

    const [run, ...more] = await decisions(disputeId);
    expect(more).toHaveLength(0);
    const invoice = await getDb().invoice.findUniqueOrThrow({ where: { externalId: obj(failed).id } });
    expect(run).toMatchObject({
      agentVersion: '1.0.0',
      status: 'succeeded',
      customerId: invoice.customerId,
      trigger: { type: 'charge.dispute.created', ref: `webhook_events:${inboxId}` },
      sourceRef: `webhook_events:${inboxId}`,
      modelProvider: 'builtin',
      inputs: {
        amount: 100,
        currency: 'usd',
        reason: 'fraudulent',
        evidenceDueBy: new Date(dueBy * 1000).toISOString(),
        invoiceId: invoice.id,
      },
      outputs: { outcome: '1 drafted', drafts: [expect.objectContaining({ kind: 'crm_task', outcome: 'drafted' })] },
    });
    const dueDate = new Date((dueBy - 2 * 86_400) * 1000).toISOString().slice(0, 10);
    expect(run.reasoning).toContain(`the task is due ${dueDate} (2 days earlier`);
    expect(run.finishedAt!.getTime()).toBeGreaterThanOrEqual(run.startedAt.getTime());

    expect(run.actions).toHaveLength(1);
    const action = run.actions[0];
    expect(action).toMatchObject({ kind: 'crm_task', status: 'pending_approval', customerId: invoice.customerId });
    const task = action.revisions[0].payload as Record<string, string>;
    expect(task.title).toMatch(/^Respond to the \$1\.00 fraudulent dispute: /);
    expect(task.owner).toBe('support');
    expect(task.body).toContain('disputed $1.00 (reason: fraudulent');
    expect(task.body).toMatch(/Evidence is due by \w{3} \d{1,2}, \d{4}: after that the dispute is lost by default/);
    expect(task.dueDate).toBe(dueDate);
    expect(task.body).toContain(`charge ${obj(dispute).charge} for invoice ${obj(failed).number}`);
    expect(task.body).toMatch(/Evidence to gather:\n- Usage logs for the charged period: API keys/);
  });

  it('runs once per dispute: a redelivered job and a second event for the same dispute draft nothing more', async () => {
    const sfx = suffix();
    const dispute = rubyMockEvent('charge.dispute.created', sfx);
    await deliver(dispute);
    const disputeId = obj(dispute).id as string;
    await settled(disputeId);
    const [queued] = (
      await getPool().query(`SELECT data FROM pgboss.job WHERE name = $1 AND singleton_key = $2`, [
        job.name,
        `${disputeId}:charge.dispute.created`,
      ])
    ).rows;
    // pg-boss may deliver a job twice: the same job again is a no-op.
    await job.handler(job.payloadSchema.parse(queued.data), { jobId: 'again', attempt: 2 });
    await deliver(variant(dispute, dispute.created + 60, { status: 'under_review' }));
    await settled(disputeId, 2);

    const runs = await decisions(disputeId);
    expect(runs).toHaveLength(1);
    expect(runs[0].actions).toHaveLength(1);
    // Not linked to a known customer: the task says so and carries no customer.
    const task = runs[0].actions[0].revisions[0].payload as Record<string, string>;
    expect(runs[0].actions[0].customerId).toBeNull();
    expect(task.title).toContain('an unknown customer');
    expect(task.body).toContain('(no invoice on record for it)');
    // The fixture's deadline (April 2022) has passed on the application clock: due today, not in the past.
    expect(task.body).toContain('The evidence deadline (Apr 4, 2022) has passed');
    expect(task.dueDate).toBe(runs[0].startedAt.toISOString().slice(0, 10));
  });

  it('waits for the triggering event to commit, and records nothing while it waits', async () => {
    const sfx = suffix();
    const inbox = await getDb().webhookEvent.create({
      data: {
        source: 'stripe',
        eventId: `evt_dd${sfx}`,
        type: 'charge.dispute.created',
        payload: {},
        rawBody: '{}',
        status: 'processing',
      },
    });
    const payload = {
      trigger: 'charge.dispute.created',
      objectId: `dp_${sfx}`,
      sourceRef: `webhook_events:${inbox.id}`,
    };
    await expect(job.handler(job.payloadSchema.parse(payload), { jobId: 'early', attempt: 1 })).rejects.toThrow(
      /not stored \(yet\)/,
    );
    expect(await getDb().agentRun.count({ where: { agentId: 'dispute-desk', sourceRef: payload.sourceRef } })).toBe(0);
  });
});
