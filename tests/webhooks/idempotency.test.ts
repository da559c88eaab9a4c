import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb, getPool } from '@/lib/db';
import { getBoss } from '@/lib/server/jobs/boss';
import { startWorker, type RunningWorker } from '@/lib/server/worker/start-worker';
import { processWebhookEvent } from '@/lib/server/webhooks/process-webhook-event';
import { PROCESS_WEBHOOK_EVENT_JOB, processWebhookEventJob } from '@/lib/server/webhooks/process-webhook-event-job';
import { configureWebhookEnv, createPlan, obj, post, rubyMockEvent } from './helpers';

// At-least-once delivery: the same event sent 10× in a row or 20× at once is one inbox row, one
// job, one processing and one set of rows — through the real route, pg-boss and the worker.

let worker: RunningWorker;
beforeAll(async () => {
  configureWebhookEnv();
  // Jobs other test files left queued would sit ahead of ours (the worker takes ~1 job/s per slot).
  await (await getBoss()).purgeQueue(PROCESS_WEBHOOK_EVENT_JOB).catch(() => undefined);
  worker = await startWorker('webhooks-idempotency', [processWebhookEventJob], { loops: false });
});
afterAll(async () => {
  await worker?.stop();
});

async function waitForStatus(inboxId: string, statuses: string[], timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await getDb().webhookEvent.findUniqueOrThrow({ where: { id: inboxId } });
    if (statuses.includes(row.status)) return row;
    if (Date.now() > deadline) throw new Error(`inbox ${inboxId} still ${row.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const jobsFor = async (inboxId: string) =>
  Number(
    (
      await getPool().query('SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND singleton_key = $2', [
        PROCESS_WEBHOOK_EVENT_JOB,
        inboxId,
      ])
    ).rows[0].n,
  );

async function expectOneEffect(event: ReturnType<typeof rubyMockEvent>, inboxId: string) {
  const db = getDb();
  const row = await waitForStatus(inboxId, ['processed', 'failed', 'dead']);
  expect(row).toMatchObject({ status: 'processed', attempts: 1 });
  expect(await db.webhookEvent.count({ where: { eventId: event.id } })).toBe(1);
  expect(await jobsFor(inboxId)).toBe(1);
  const sub = obj(event);
  expect(await db.subscription.count({ where: { externalId: sub.id } })).toBe(1);
  expect(await db.subscriptionItem.count({ where: { externalId: sub.items.data[0].id } })).toBe(1);
  expect(await db.customer.count({ where: { externalId: sub.customer } })).toBe(1);
}

describe('duplicate deliveries', () => {
  it('10 deliveries in a row: one row, one job, one processing', async () => {
    const event = rubyMockEvent('customer.subscription.updated');
    await createPlan(obj(event).items.data[0].price.id);
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await post(event));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(answers.map((a) => a.body.duplicate)).toEqual([false, ...Array(9).fill(true)]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    await expectOneEffect(event, answers[0]!.body.id);
    // A stray second job (or a replayed delivery) finds the event done and changes nothing.
    expect(await processWebhookEvent(answers[0]!.body.id)).toEqual({ status: 'already-done' });
  });

  it('20 concurrent deliveries: exactly one inserts and enqueues, the event is processed once', async () => {
    const event = rubyMockEvent('customer.subscription.updated');
    await createPlan(obj(event).items.data[0].price.id);
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(event)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.body.duplicate === false)).toHaveLength(1);
    await expectOneEffect(event, answers[0]!.body.id);
  });

  it('concurrent processors of one event: one applies it, the others find it busy or done', async () => {
    const event = rubyMockEvent('customer.subscription.updated');
    await createPlan(obj(event).items.data[0].price.id);
    await worker.stop();
    try {
      const { body } = await post(event);
      const results = await Promise.allSettled(Array.from({ length: 5 }, () => processWebhookEvent(body.id)));
      const applied = results.filter((r) => r.status === 'fulfilled' && r.value.status === 'processed');
      expect(applied).toHaveLength(1);
      for (const r of results) {
        if (r.status === 'rejected') expect(String(r.reason)).toMatch(/being processed by another worker/);
      }
      expect(await getDb().webhookEvent.findUniqueOrThrow({ where: { id: body.id } })).toMatchObject({
        status: 'processed',
        attempts: 1,
      });
    } finally {
      worker = await startWorker('webhooks-idempotency', [processWebhookEventJob], { loops: false });
    }
  });
});
