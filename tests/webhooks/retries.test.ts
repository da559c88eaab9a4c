import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb, getPool } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/roles';
import { getBoss } from '@/lib/server/jobs/boss';
import { enqueueJob } from '@/lib/server/jobs/enqueue-job';
import { startWorker, type RunningWorker } from '@/lib/server/jobs/start-worker';
import { STRIPE_EVENT_HANDLERS } from '@/lib/server/billing/stripe/stripe-event-handlers';
import { processStripeEvent } from '@/lib/server/webhooks/process-stripe-event';
import {
  createProcessStripeEventJob,
  PROCESS_STRIPE_EVENT_JOB,
  processStripeEventJob,
} from '@/lib/server/webhooks/process-stripe-event-job';
import { recordStripeEvent } from '@/lib/server/webhooks/record-stripe-event';
import { replayWebhookEvent } from '@/lib/server/webhooks/replay-webhook-event';
import { sweepStripeInbox } from '@/lib/server/webhooks/sweep-stripe-inbox';
import { uniq } from '../helpers/fresh-database';
import { basilEvent, configureWebhookEnv, createPlan, obj, rubyMockEvent, type StripeEvent } from './helpers';

// Failures: retried with backoff by pg-boss, 'dead' with last_error after the limit, replayed by
// an admin (audited); the sweep re-enqueues events whose job never came.

let worker: RunningWorker | null = null;
beforeAll(async () => {
  configureWebhookEnv();
  // The queue must exist before anything is enqueued (pg-boss drops sends to unknown queues).
  await (await startWorker('webhooks-queues', [processStripeEventJob], { loops: false })).stop();
  // Jobs other test files left queued would sit ahead of ours (the worker takes ~1 job/s per slot).
  await (await getBoss()).purgeQueue(PROCESS_STRIPE_EVENT_JOB);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await worker?.stop();
  worker = null;
});

async function admin(): Promise<SessionUser> {
  const u = await getDb().user.create({
    data: { email: `${uniq('wh-admin')}@example.test`, name: 'Webhook Admin', role: 'admin' },
  });
  return { id: u.id, email: u.email, name: u.name, role: 'admin' };
}

const record = async (event: StripeEvent) => (await recordStripeEvent(JSON.stringify(event), event as never)).id;
const inbox = (id: string) => getDb().webhookEvent.findUniqueOrThrow({ where: { id } });

async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('retries, dead letter and replay', () => {
  it('a throwing handler is retried by the queue with backoff and ends dead with last_error', async () => {
    const fastJob = createProcessStripeEventJob({ retryLimit: 2, retryDelaySeconds: 1 });
    const handler = vi
      .spyOn(STRIPE_EVENT_HANDLERS, 'customer.created')
      .mockRejectedValue(new Error('billing store unavailable'));
    worker = await startWorker('webhooks-retries', [fastJob], { loops: false });
    const id = await record(basilEvent('customer.created', 'customer'));
    await enqueueJob(fastJob, { inboxId: id }, { singletonKey: id });
    const dead = await waitFor(
      () => inbox(id),
      (row) => row.status === 'dead',
    );
    expect(dead).toMatchObject({ status: 'dead', attempts: 3, lastError: 'billing store unavailable' });
    expect(handler).toHaveBeenCalledTimes(3);
  });

  it('an event that keeps failing is failed, then dead at the limit; replay re-processes it, audited', async () => {
    const event = rubyMockEvent('customer.subscription.updated');
    const id = await record(event);
    for (let attempt = 1; attempt <= 2; attempt++) {
      await expect(processStripeEvent(id, { maxAttempts: 3 })).rejects.toThrow(/Unknown Stripe price/);
      expect(await inbox(id)).toMatchObject({ status: 'failed', attempts: attempt });
    }
    expect(await processStripeEvent(id, { maxAttempts: 3 })).toMatchObject({ status: 'dead' });
    expect((await inbox(id)).lastError).toMatch(/Unknown Stripe price/);
    // Dead is final until someone replays it.
    expect(await processStripeEvent(id, { maxAttempts: 3 })).toEqual({ status: 'already-done' });

    // The cause is fixed (the plan now exists); an admin replays through the worker.
    await createPlan(obj(event).items.data[0].price.id);
    worker = await startWorker('webhooks-replay', [processStripeEventJob], { loops: false });
    const actor = await admin();
    const replay = await replayWebhookEvent(actor, id, 'req_replay_1');
    expect(replay).toEqual({ id, status: 'received', enqueued: true });
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { targetType: 'webhook_event', targetId: id, action: 'webhook.replayed' },
    });
    expect(audit).toMatchObject({ actorType: 'user', actorId: actor.id, requestId: 'req_replay_1' });
    expect(audit.before).toMatchObject({ status: 'dead', attempts: 3 });
    const done = await waitFor(
      () => inbox(id),
      (row) => row.status === 'processed',
    );
    expect(done).toMatchObject({ attempts: 1, lastError: null });
    expect(await getDb().subscription.count({ where: { externalId: obj(event).id } })).toBe(1);
  });

  it('replay answers 404 for an unknown id and 409 while the event is processing', async () => {
    const actor = await admin();
    await expect(replayWebhookEvent(actor, 'no-such-event', 'r')).rejects.toMatchObject({ status: 404 });
    const id = await record(basilEvent('customer.created', 'customer'));
    await getDb().webhookEvent.update({ where: { id }, data: { status: 'processing' } });
    await expect(replayWebhookEvent(actor, id, 'r')).rejects.toMatchObject({ status: 409, code: 'webhook_processing' });
  });
});

describe('sweep', () => {
  const jobsFor = async (id: string) =>
    Number(
      (
        await getPool().query(
          `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND singleton_key = $2 AND state IN ('created','retry','active')`,
          [PROCESS_STRIPE_EVENT_JOB, id],
        )
      ).rows[0].n,
    );
  const age = (id: string, status: 'received' | 'failed' | 'processing') =>
    getPool().query(
      `UPDATE webhook_events SET status = $2::"InboxStatus", received_at = received_at - interval '5 minutes', processed_at = NULL WHERE id = $1`,
      [id, status],
    );

  it('re-enqueues stuck received / failed / orphaned processing rows once, and leaves fresh ones alone', async () => {
    await getBoss();
    const stuck = await record(basilEvent('customer.created', 'customer'));
    const failed = await record(basilEvent('customer.created', 'customer'));
    const orphaned = await record(basilEvent('customer.created', 'customer'));
    const fresh = await record(basilEvent('customer.created', 'customer'));
    await age(stuck, 'received');
    await age(failed, 'failed');
    await age(orphaned, 'processing');

    const first = await sweepStripeInbox();
    expect(first.enqueued).toEqual(expect.arrayContaining([stuck, failed, orphaned]));
    expect(first.enqueued).not.toContain(fresh);
    // Their jobs are still queued: a second sweep adds none.
    const second = await sweepStripeInbox();
    expect(second.enqueued.filter((id) => [stuck, failed, orphaned].includes(id))).toEqual([]);
    for (const id of [stuck, failed, orphaned]) expect(await jobsFor(id)).toBe(1);

    worker = await startWorker('webhooks-sweep', [processStripeEventJob], { loops: false });
    for (const id of [stuck, failed, orphaned]) {
      expect(
        await waitFor(
          () => inbox(id),
          (row) => row.status === 'processed',
        ),
      ).toMatchObject({ status: 'processed' });
    }
  });
});
