import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { basilEvent, configureWebhookEnv, post, ROTATED_SECRET } from './helpers';

// The public endpoint: forged, stale, future or missing signatures are refused with 400 and their
// code, and nothing is stored; an authentic body that is not an event is stored (200); a rotated
// (second) secret verifies; oversized bodies get 413.

beforeAll(() => configureWebhookEnv());

const stored = (eventId: string) => getDb().webhookEvent.count({ where: { eventId } });

describe('POST /api/webhooks/stripe signature checks', () => {
  it('accepts a valid signature, and one made with the second (rotated) secret', async () => {
    const first = basilEvent('customer.created', 'customer');
    expect(await post(first)).toMatchObject({
      status: 200,
      body: { received: true, duplicate: false, status: 'received' },
    });
    const rotated = basilEvent('customer.created', 'customer');
    expect((await post(rotated, { secret: ROTATED_SECRET })).status).toBe(200);
    expect(await stored(rotated.id)).toBe(1);
  });

  it.each([
    ['a forged signature (unknown secret)', { secret: 'whsec_attacker_0000' }, 'invalid_signature'],
    ['a stale signature (older than 300 s)', { timestamp: Math.floor(Date.now() / 1000) - 301 }, 'stale_signature'],
    ['no Stripe-Signature header', { header: null }, 'missing_signature'],
    ['a garbage header', { header: 'not-a-signature' }, 'invalid_signature'],
  ] as const)('refuses %s with 400 and stores nothing', async (_name, opts, code) => {
    const event = basilEvent('customer.created', 'customer');
    const res = await post(event, opts);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code, requestId: expect.any(String) });
    expect(await stored(event.id)).toBe(0);
  });

  it('refuses a body changed after signing', async () => {
    const event = basilEvent('customer.created', 'customer');
    const { postRequest, signedRequest } = await import('./helpers');
    const genuine = signedRequest(JSON.stringify(event));
    const tampered = new Request(genuine.url, {
      method: 'POST',
      headers: genuine.headers,
      body: JSON.stringify({ ...event, type: 'invoice.paid' }),
    });
    const res = await postRequest(tampered);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid_signature');
    expect(await stored(event.id)).toBe(0);
  });

  it('stores a signed body that is not a Stripe event as failed, and answers 200 (it is authentic)', async () => {
    const res = await post(JSON.stringify({ hello: 'world', nonce: Math.random() }));
    expect(res).toMatchObject({ status: 200, body: { received: true, status: 'failed', duplicate: false } });
  });

  it('refuses a genuine signature dated more than 300 s ahead', async () => {
    const event = basilEvent('customer.created', 'customer');
    const res = await post(event, { timestamp: Math.floor(Date.now() / 1000) + 301 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('future_signature');
    expect(await stored(event.id)).toBe(0);
  });

  it('answers 404 for a source Tollgate does not know', async () => {
    const { postRequest, signedRequest } = await import('./helpers');
    const res = await postRequest(signedRequest('{}'), 'no-such-source');
    expect(res.status).toBe(404);
  });

  it('refuses a body over 1 MB with 413 before verifying', async () => {
    const event = basilEvent('customer.created', 'customer');
    const big = JSON.stringify({ ...event, padding: 'x'.repeat(1024 * 1024) });
    const res = await post(big);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('body_too_large');
    expect(await stored(event.id)).toBe(0);
  });

  it("verifies with STRIPE_WEBHOOK_SECRET (Stripe's own name) alone", async () => {
    const saved = process.env.STRIPE_WEBHOOK_SECRETS;
    process.env.STRIPE_WEBHOOK_SECRETS = '';
    process.env.STRIPE_WEBHOOK_SECRET = ROTATED_SECRET;
    resetEnvForTests();
    try {
      const event = basilEvent('customer.created', 'customer');
      expect((await post(event, { secret: ROTATED_SECRET })).status).toBe(200);
      expect((await post(basilEvent('customer.created', 'customer'))).status).toBe(400);
    } finally {
      process.env.STRIPE_WEBHOOK_SECRETS = saved;
      delete process.env.STRIPE_WEBHOOK_SECRET;
      resetEnvForTests();
    }
  });

  it('answers 503 when no signing secret is configured (Stripe retries later)', async () => {
    const saved = process.env.STRIPE_WEBHOOK_SECRETS;
    process.env.STRIPE_WEBHOOK_SECRETS = '';
    resetEnvForTests();
    try {
      const event = basilEvent('customer.created', 'customer');
      const res = await post(event);
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('webhook_not_configured');
      expect(await stored(event.id)).toBe(0);
    } finally {
      process.env.STRIPE_WEBHOOK_SECRETS = saved;
      resetEnvForTests();
    }
  });
});
