import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb, getPool } from '@/lib/db';
import { clock } from '@/lib/clock';
import { STRIPE_EVENT_HANDLERS } from '@/lib/server/billing/stripe/stripe-event-handlers';
import { startWorker } from '@/lib/server/worker/start-worker';
import { processWebhookEvent } from '@/lib/server/webhooks/process-webhook-event';
import { processWebhookEventJob } from '@/lib/server/webhooks/process-webhook-event-job';
import { sweepWebhookInbox } from '@/lib/server/webhooks/sweep-webhook-inbox';
import { basilEvent, configureWebhookEnv, post, recordStripe } from '../webhooks/helpers';

// Security review, Medium #11: a webhook was dead-lettered after six attempts (~2.5 minutes of
// Stripe or database trouble) while Stripe, having had its 200, never sends it again. Failures
// must now be retried with exponential backoff for at least Stripe's own horizon, three days.

const THREE_DAYS_MS = 3 * 24 * 60 * 60 * 1000;
beforeAll(async () => {
  configureWebhookEnv();
  // The queue must exist before the sweep enqueues into it (pg-boss drops sends to unknown queues).
  await (await startWorker('webhook-horizon-queues', [processWebhookEventJob], { loops: false })).stop();
});
afterEach(() => vi.restoreAllMocks());

const inbox = (id: string) => getDb().webhookEvent.findUniqueOrThrow({ where: { id } });

async function deliverCustomerCreated(): Promise<string> {
  const res = await post(basilEvent('customer.created', 'customer'));
  expect(res.status).toBe(200);
  return res.body.id as string;
}

describe('webhook retry horizon', () => {
  it('an event failing on every attempt is retried with growing backoff for at least 3 days before it is dead', async () => {
    vi.spyOn(STRIPE_EVENT_HANDLERS, 'customer.created').mockRejectedValue(new Error('connection terminated'));
    const id = await deliverCustomerCreated();
    const waits: number[] = [];
    for (;;) {
      const outcome = await processWebhookEvent(id);
      const row = await inbox(id);
      if (outcome.status === 'dead') {
        expect(row).toMatchObject({ status: 'dead', nextAttemptAt: null, lastError: 'connection terminated' });
        break;
      }
      expect(row.status).toBe('failed');
      waits.push(row.nextAttemptAt!.getTime() - row.processedAt!.getTime());
      expect(waits.length).toBeLessThan(100);
    }
    // Waits back off exponentially, never shrink, and add up to at least three days.
    expect(waits[1]).toBe(2 * waits[0]);
    expect(waits[2]).toBe(2 * waits[1]);
    for (let i = 1; i < waits.length; i += 1) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]);
    expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(THREE_DAYS_MS);
    expect(waits.length).toBeGreaterThan(6);
  });

  it('an outage of hours ends in processed, not dead', async () => {
    const handler = STRIPE_EVENT_HANDLERS['customer.created'];
    const spy = vi.spyOn(STRIPE_EVENT_HANDLERS, 'customer.created');
    for (let i = 0; i < 10; i += 1) spy.mockRejectedValueOnce(new Error('Stripe is unavailable (HTTP 503)'));
    spy.mockImplementation(handler);
    const id = await deliverCustomerCreated();
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      expect(await processWebhookEvent(id)).toMatchObject({ status: 'failed' });
    }
    expect(await processWebhookEvent(id)).toMatchObject({ status: 'processed' });
    expect(await inbox(id)).toMatchObject({ status: 'processed', attempts: 11, nextAttemptAt: null });
  });

  it('the sweep covers dead: an event dead-lettered before the horizon is taken up again and processed', async () => {
    const id = await recordStripe(basilEvent('customer.created', 'customer'));
    // What the old six-attempt limit left behind (the migration gives such rows a due time).
    await getPool().query(
      `UPDATE webhook_events SET status = 'dead', attempts = 6, last_error = 'old limit',
              next_attempt_at = ($2::timestamptz AT TIME ZONE 'UTC') - interval '1 minute' WHERE id = $1`,
      [id, clock.now().toISOString()],
    );
    const swept = await sweepWebhookInbox();
    expect(swept.enqueued).toContain(id);
    expect(await processWebhookEvent(id)).toMatchObject({ status: 'processed' });
    expect(await inbox(id)).toMatchObject({ status: 'processed', attempts: 7, lastError: null });
  });
});
