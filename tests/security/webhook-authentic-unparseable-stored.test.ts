import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/lib/db';
import { stripeWebhookSource } from '@/lib/server/billing/stripe/stripe-webhook-source';
import { listWebhookEvents } from '@/lib/server/webhooks/list-webhook-events';
import { processWebhookEvent } from '@/lib/server/webhooks/process-webhook-event';
import { replayWebhookEvent } from '@/lib/server/webhooks/replay-webhook-event';
import { uniq } from '../helpers/fresh-database';
import { createAdmin, basilEvent, configureWebhookEnv, obj, post } from '../webhooks/helpers';

// Once a signature is valid the event is authentic: answering 400 would make Stripe give up on
// it for good. An authentic body our parser does not expect is stored as failed with its raw
// bytes (2xx), shown in the inbox, and replayable once an upgrade can read it.

beforeAll(() => configureWebhookEnv());
afterEach(() => vi.restoreAllMocks());

const row = (id: string) => getDb().webhookEvent.findUniqueOrThrow({ where: { id } });

describe('authentic but unparseable webhooks', () => {
  it('a signed body that is not JSON is answered 200 and stored as failed with its raw body; a redelivery dedupes', async () => {
    const body = `not json ${uniq('raw')}`;
    const res = await post(body);
    expect(res).toMatchObject({ status: 200, body: { received: true, status: 'failed', duplicate: false } });
    expect(await row(res.body.id)).toMatchObject({
      source: 'stripe',
      status: 'failed',
      rawBody: body,
      nextAttemptAt: null,
      lastError: expect.stringMatching(/^unparseable: Signed payload is not valid JSON/),
    });
    expect((await post(body)).body).toMatchObject({ id: res.body.id, duplicate: true });
    const listed = await listWebhookEvents({ status: 'failed', source: 'stripe', limit: 200, offset: 0 });
    expect(listed.items.map((i) => i.id)).toContain(res.body.id);
  });

  it('a signed event whose object lacks the ids the handlers need is parked as failed, raw payload kept, not refused', async () => {
    const event = basilEvent('customer.created', 'customer');
    delete obj(event).id;
    const res = await post(event);
    expect(res).toMatchObject({ status: 200, body: { status: 'received' } });
    expect(await processWebhookEvent(res.body.id)).toMatchObject({ status: 'failed', nextAttemptAt: null });
    const stored = await row(res.body.id);
    expect(stored).toMatchObject({ status: 'failed', nextAttemptAt: null, rawBody: JSON.stringify(event) });
    expect(stored.lastError).toMatch(/^unparseable: Stripe object .*id/);
  });

  it('an event an older parser could not read is processed when replayed after the upgrade', async () => {
    const event = basilEvent('customer.created', 'customer');
    // Today's parser stands in for yesterday's, which did not know this shape.
    const read = vi
      .spyOn(stripeWebhookSource, 'read')
      .mockReturnValue({ ok: false, reason: 'unknown event shape', payload: event });
    const res = await post(event);
    expect(res).toMatchObject({ status: 200, body: { status: 'failed' } });
    expect(await row(res.body.id)).toMatchObject({
      type: 'customer.created',
      lastError: 'unparseable: unknown event shape',
    });

    read.mockRestore(); // the upgrade
    await replayWebhookEvent(await createAdmin(), res.body.id, 'req_upgrade');
    expect(await processWebhookEvent(res.body.id)).toMatchObject({ status: 'processed' });
    const customer = await getDb().customer.findFirst({ where: { externalId: obj(event).id as string } });
    expect(customer).not.toBeNull();
  });
});
