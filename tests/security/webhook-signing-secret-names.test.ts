import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { webhookSourceProblems } from '@/lib/server/webhooks/webhook-sources';
import { basilEvent, configureWebhookEnv, post, PRIMARY_SECRET } from '../webhooks/helpers';

// Stripe's dashboard and docs call the signing secret STRIPE_WEBHOOK_SECRET; Tollgate read only
// STRIPE_WEBHOOK_SECRETS, so an operator following Stripe's docs got every delivery refused and no
// hint why. Both names are read now, and the Webhooks page says when neither is set.

beforeAll(() => configureWebhookEnv());
afterEach(() => configureWebhookEnv());

function secrets(single: string | undefined, several: string) {
  if (single === undefined) delete process.env.STRIPE_WEBHOOK_SECRET;
  else process.env.STRIPE_WEBHOOK_SECRET = single;
  process.env.STRIPE_WEBHOOK_SECRETS = several;
  resetEnvForTests();
}

describe('webhook signing secret configuration', () => {
  it('STRIPE_WEBHOOK_SECRET alone verifies deliveries, and the console reports nothing missing', async () => {
    secrets(PRIMARY_SECRET, '');
    expect((await post(basilEvent('customer.created', 'customer'))).status).toBe(200);
    expect((await webhookSourceProblems()).filter((p) => p.source === 'stripe')).toEqual([]);
  });

  it('with neither variable: 503 (Stripe retries) and the console says the signing secret is not configured', async () => {
    secrets(undefined, '');
    const res = await post(basilEvent('customer.created', 'customer'));
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('webhook_not_configured');
    expect((await webhookSourceProblems()).filter((p) => p.source === 'stripe')).toEqual([
      expect.objectContaining({
        source: 'stripe',
        problem: expect.stringContaining('webhook signing secret not configured'),
      }),
    ]);
  });
});
