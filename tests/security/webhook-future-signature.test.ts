import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { basilEvent, configureWebhookEnv, post } from '../webhooks/helpers';

// The Stripe SDK accepts any signature timestamp in the future: a signed request captured (or
// forged by a clock-skewed signer) could be held back and replayed for as long as its date lies
// ahead. A genuine signature dated more than the 300 s tolerance ahead is refused, like a stale one.

beforeAll(() => configureWebhookEnv());
const nowSec = () => Math.floor(Date.now() / 1000);
const stored = (eventId: string) => getDb().webhookEvent.count({ where: { eventId } });

describe('webhook signatures dated in the future', () => {
  it('refuses a genuine signature dated more than 300 s ahead with 400 future_signature, storing nothing', async () => {
    const event = basilEvent('customer.created', 'customer');
    const res = await post(event, { timestamp: nowSec() + 3600 });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'future_signature', requestId: expect.any(String) });
    expect(await stored(event.id)).toBe(0);
  });

  it('accepts ordinary clock skew within the tolerance', async () => {
    const event = basilEvent('customer.created', 'customer');
    expect((await post(event, { timestamp: nowSec() + 120 })).status).toBe(200);
    expect(await stored(event.id)).toBe(1);
  });
});
