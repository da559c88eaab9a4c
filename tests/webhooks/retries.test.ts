import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb, getPool } from '@/lib/db';
import { clock } from '@/lib/clock';
import { getBoss } from '@/lib/server/jobs/boss';
import { enqueueJob } from '@/lib/server/jobs/enqueue-job';
import { startWorker, type RunningWorker } from '@/lib/server/worker/start-worker';
import { STRIPE_EVENT_HANDLERS } from '@/lib/server/billing/stripe/stripe-event-handlers';
import { processWebhookEvent } from '@/lib/server/webhooks/process-webhook-event';
import { PROCESS_WEBHOOK_EVENT_JOB, processWebhookEventJob } from '@/lib/server/webhooks/process-webhook-event-job';
import { replayWebhookEvent } from '@/lib/server/webhooks/replay-webhook-event';
import { sweepWebhookInbox } from '@/lib/server/webhooks/sweep-webhook-inbox';
import {
  basilEvent,
  configureWebhookEnv,
  createAdmin,
  createPlan,
  obj,
  recordStripe,
  rubyMockEvent,
  type StripeEvent,
} from './helpers';

// Failures: recorded with the next attempt's time, enqueued again by the sweep when due, 'dead'
// with last_error once the retry schedule has covered its horizon, replayed by an admin (audited);
// the sweep also enqueues events whose job never came.

let worker: RunningWorker | null = null;
beforeAll(async () => {
  configureWebhookEnv();
  // The queue must exist before anything is enqueued (pg-boss drops sends to unknown queues).
  await (await startWorker('webhooks-queues', [processWebhookEventJob], { loops: false })).stop();
  // Jobs other test files left queued would sit ahead of ours (the worker takes ~1 job/s per slot).
  await (await getBoss()).purgeQueue(PROCESS_WEBHOOK_EVENT_JOB);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await worker?.stop();
  worker = null;
});

const record = (event: StripeEvent) => recordStripe(event);
const inbox = (id: string) => getDb().webhookEvent.findUniqueOrThrow({ where: { id } });

const openJobs = async (id: string) =>
  Number(
    (
      await getPool().query(
        `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND singleton_key = $2 AND state IN ('created','retry','active')`,
        [PROCESS_WEBHOOK_EVENT_JOB, id],
      )
    ).rows[0].n,
  );

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
  it('a throwing handler leaves the event failed with its backoff; the sweep enqueues it when due', async () => {
    const handler = vi
      .spyOn(STRIPE_EVENT_HANDLERS, 'customer.created')
      .mockRejectedValue(new Error('billing store unavailable'));
    worker = await startWorker('webhooks-retries', [processWebhookEventJob], { loops: false });
    const id = await record(basilEvent('customer.created', 'customer'));
    await enqueueJob(processWebhookEventJob, { inboxId: id }, { singletonKey: id });
    const first = await waitFor(
      () => inbox(id),
      (row) => row.status === 'failed',
    );
    expect(first).toMatchObject({ attempts: 1, lastError: 'billing store unavailable' });
    // The attempt's job has ended (the row is written just before it completes).
    await waitFor(
      () => openJobs(id),
      (n) => n === 0,
    );
    expect(first.nextAttemptAt!.getTime() - first.processedAt!.getTime()).toBe(60_000);
    // Not due yet: the sweep leaves it alone; once due, it enqueues it and the worker tries again.
    expect((await sweepWebhookInbox({ now: new Date(first.nextAttemptAt!.getTime() - 1_000) })).enqueued).not.toContain(
      id,
    );
    expect((await sweepWebhookInbox({ now: first.nextAttemptAt! })).enqueued).toContain(id);
    const second = await waitFor(
      () => inbox(id),
      (row) => row.attempts === 2 && row.status === 'failed',
    );
    expect(second.nextAttemptAt!.getTime() - second.processedAt!.getTime()).toBe(120_000);
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it('an event that keeps failing is dead once the schedule is spent; replay re-processes it, audited', async () => {
    const event = rubyMockEvent('customer.subscription.updated');
    // A cause only an operator can fix (an unknown price would be held for the catalog instead).
    const handler = vi
      .spyOn(STRIPE_EVENT_HANDLERS, 'customer.subscription.updated')
      .mockRejectedValue(new Error('billing store unavailable'));
    const id = await record(event);
    expect(await processWebhookEvent(id)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/billing store unavailable/),
    });
    expect(await inbox(id)).toMatchObject({ status: 'failed', attempts: 1 });
    // Twenty attempts spent (about 74 h of backoff): the next failure is the last.
    await getDb().webhookEvent.update({ where: { id }, data: { attempts: 20 } });
    expect(await processWebhookEvent(id)).toMatchObject({ status: 'dead' });
    expect(await inbox(id)).toMatchObject({ status: 'dead', attempts: 21, nextAttemptAt: null });
    expect((await inbox(id)).lastError).toMatch(/billing store unavailable/);
    // Dead is final until someone replays it.
    expect(await processWebhookEvent(id)).toEqual({ status: 'already-done' });

    // The cause is fixed (the store is back, the plan exists); an admin replays through the worker.
    handler.mockRestore();
    await createPlan(obj(event).items.data[0].price.id);
    worker = await startWorker('webhooks-replay', [processWebhookEventJob], { loops: false });
    const actor = await createAdmin();
    const replay = await replayWebhookEvent(actor, id, 'req_replay_1');
    expect(replay).toEqual({ id, status: 'received', enqueued: true });
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { targetType: 'webhook_event', targetId: id, action: 'webhook.replayed' },
    });
    expect(audit).toMatchObject({ actorType: 'user', actorId: actor.id, requestId: 'req_replay_1' });
    expect(audit.before).toMatchObject({ status: 'dead', attempts: 21 });
    const done = await waitFor(
      () => inbox(id),
      (row) => row.status === 'processed',
    );
    expect(done).toMatchObject({ attempts: 1, lastError: null, nextAttemptAt: null });
    expect(await getDb().subscription.count({ where: { externalId: obj(event).id } })).toBe(1);
  });

  it('replay answers 404 for an unknown id and 409 while the event is processing', async () => {
    const actor = await createAdmin();
    await expect(replayWebhookEvent(actor, 'no-such-event', 'r')).rejects.toMatchObject({ status: 404 });
    const id = await record(basilEvent('customer.created', 'customer'));
    await getDb().webhookEvent.update({ where: { id }, data: { status: 'processing' } });
    await expect(replayWebhookEvent(actor, id, 'r')).rejects.toMatchObject({ status: 409, code: 'webhook_processing' });
  });
});

describe('sweep', () => {
  const due = (id: string, status: 'received' | 'failed' | 'processing' | 'dead', nextAttempt: string | null) =>
    getPool().query(
      `UPDATE webhook_events SET status = $2::"InboxStatus",
              next_attempt_at = ($4::timestamptz AT TIME ZONE 'UTC') + $3::interval WHERE id = $1`,
      [id, status, nextAttempt, clock.now().toISOString()],
    );

  it('enqueues due received / failed / orphaned processing / rescheduled dead rows once, and leaves the rest alone', async () => {
    await getBoss();
    const ids = await Promise.all(Array.from({ length: 7 }, () => record(basilEvent('customer.created', 'customer'))));
    const [stuck, failed, orphaned, deadEarly, fresh, backingOff, deadForGood] = ids;
    await due(stuck, 'received', '-1 minute');
    await due(failed, 'failed', '-1 second');
    await due(orphaned, 'processing', '-5 minutes');
    await due(deadEarly, 'dead', '-1 hour');
    await due(backingOff, 'failed', '10 minutes');
    await due(deadForGood, 'dead', null);

    const first = await sweepWebhookInbox();
    expect(first.enqueued).toEqual(expect.arrayContaining([stuck, failed, orphaned, deadEarly]));
    for (const id of [fresh, backingOff, deadForGood]) expect(first.enqueued).not.toContain(id);
    // Their jobs are still queued: a second sweep adds none.
    const second = await sweepWebhookInbox();
    expect(second.enqueued.filter((id) => [stuck, failed, orphaned, deadEarly].includes(id))).toEqual([]);
    for (const id of [stuck, failed, orphaned, deadEarly]) expect(await openJobs(id)).toBe(1);

    worker = await startWorker('webhooks-sweep', [processWebhookEventJob], { loops: false });
    for (const id of [stuck, failed, orphaned, deadEarly]) {
      expect(
        await waitFor(
          () => inbox(id),
          (row) => row.status === 'processed',
        ),
      ).toMatchObject({ status: 'processed', nextAttemptAt: null });
    }
  });
});
