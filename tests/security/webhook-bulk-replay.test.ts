import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, getPool } from '@/lib/db';
import { webhookBulkReplayBody } from '@/lib/schemas/webhooks';
import { replayWebhookEvents } from '@/lib/server/webhooks/replay-webhook-events';
import { uniq } from '../helpers/fresh-database';
import { createAdmin, basilEvent, configureWebhookEnv, recordStripe } from '../webhooks/helpers';

// After an outage or an upgrade, an admin replays every dead / failed event matching a filter in
// one audited step (POST /api/v1/webhooks/replay, admin only — its role matrix is in
// e2e/api/webhooks.spec.ts), rather than one click per event.

beforeAll(() => configureWebhookEnv());

async function inState(event: object, status: 'failed' | 'dead' | 'processed' | 'processing', type: string) {
  const id = await recordStripe(event);
  await getPool().query(
    `UPDATE webhook_events SET status = $2::"InboxStatus", attempts = 21, last_error = 'boom', type = $3,
            next_attempt_at = NULL WHERE id = $1`,
    [id, status, type],
  );
  return id;
}

describe('bulk replay of dead / failed webhook events', () => {
  it('replays exactly the dead and failed events matching the filter, resets them, and audits it', async () => {
    const prefix = `bulk${uniq('t').replace(/\W/g, '')}.`;
    const dead = await inState(basilEvent('customer.created', 'customer'), 'dead', `${prefix}invoice.paid`);
    const failed = await inState(basilEvent('customer.created', 'customer'), 'failed', `${prefix}invoice.updated`);
    const processed = await inState(basilEvent('customer.created', 'customer'), 'processed', `${prefix}invoice.paid`);
    const busy = await inState(basilEvent('customer.created', 'customer'), 'processing', `${prefix}invoice.paid`);
    const otherType = await inState(basilEvent('customer.created', 'customer'), 'dead', `other${prefix}`);

    const actor = await createAdmin();
    const filter = webhookBulkReplayBody.parse({ type: prefix });
    const result = await replayWebhookEvents(actor, filter, 'req_bulk_1');
    expect(result).toMatchObject({ replayed: 2, more: false });
    expect(result.ids.sort()).toEqual([dead, failed].sort());

    const rows = await getDb().webhookEvent.findMany({
      where: { id: { in: [dead, failed, processed, busy, otherType] } },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of [dead, failed]) {
      expect(byId.get(id)).toMatchObject({ status: 'received', attempts: 0, lastError: null });
      expect(byId.get(id)!.nextAttemptAt).not.toBeNull();
    }
    expect(byId.get(processed)!.status).toBe('processed');
    expect(byId.get(busy)!.status).toBe('processing');
    expect(byId.get(otherType)!.status).toBe('dead');

    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { action: 'webhook.bulk_replayed', requestId: 'req_bulk_1' },
    });
    expect(audit).toMatchObject({ actorType: 'user', actorId: actor.id, targetType: 'webhook_event' });
    expect(audit.data).toMatchObject({ count: 2, filter: { type: prefix, statuses: ['failed', 'dead'] } });
    expect(audit.before).toEqual({ failed: 1, dead: 1 });
  });

  it('only dead may be chosen, a limit caps one run and says more remain', async () => {
    const prefix = `cap${uniq('t').replace(/\W/g, '')}.`;
    for (let i = 0; i < 3; i += 1) await inState(basilEvent('customer.created', 'customer'), 'dead', `${prefix}x`);
    const failed = await inState(basilEvent('customer.created', 'customer'), 'failed', `${prefix}x`);
    const actor = await createAdmin();
    const first = await replayWebhookEvents(
      actor,
      webhookBulkReplayBody.parse({ type: prefix, statuses: ['dead'], limit: 2 }),
      'r1',
    );
    expect(first).toMatchObject({ replayed: 2, more: true });
    const second = await replayWebhookEvents(
      actor,
      webhookBulkReplayBody.parse({ type: prefix, statuses: ['dead'], limit: 2 }),
      'r2',
    );
    expect(second).toMatchObject({ replayed: 1, more: false });
    expect((await getDb().webhookEvent.findUniqueOrThrow({ where: { id: failed } })).status).toBe('failed');
  });

  it('refuses statuses that are not replayable and unknown filter fields', () => {
    expect(webhookBulkReplayBody.safeParse({ statuses: ['processed'] }).success).toBe(false);
    expect(webhookBulkReplayBody.safeParse({ status: 'dead' }).success).toBe(false);
  });
});
