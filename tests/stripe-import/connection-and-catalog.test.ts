import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { getDb } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import type { ApiError } from '@/lib/errors';
import { createPlanBody, createMeterBody } from '@/lib/schemas/catalog';
import { getBillingConnection } from '@/lib/server/billing/connection/get-billing-connection';
import { saveStripeKey, removeStripeKey } from '@/lib/server/billing/connection/save-stripe-key';
import { testStripeConnection } from '@/lib/server/billing/connection/test-stripe-connection';
import { createStripeWebhookEndpoint } from '@/lib/server/billing/connection/create-stripe-webhook-endpoint';
import { resolveStripeKey } from '@/lib/server/billing/stripe/resolve-stripe-client';
import { createPlan, updatePlan } from '@/lib/server/catalog/save-plan';
import { createMeter } from '@/lib/server/catalog/save-meter';
import { createAdmin, postRequest } from '../webhooks/helpers';
import { openImportWorld } from './import-world';
import { uniq } from '../helpers/fresh-database';

// Settings → Billing platform: a key from the console (sealed at rest) is what every Stripe call
// uses when the environment has none; "Test connection" names the account and the missing reads;
// the webhook endpoint is created through the API and its secret verifies deliveries. Then the
// catalog's validation, field by field.

let world: Awaited<ReturnType<typeof openImportWorld>>;
beforeAll(async () => {
  world = await openImportWorld('connection', { key: null });
  process.env.NEXTAUTH_URL = 'https://tollgate.example.test';
  delete process.env.STRIPE_WEBHOOK_SECRETS;
  resetEnvForTests();
});
afterAll(async () => world?.close());

describe('billing connection', () => {
  it('without any key nothing resolves; a console key is stored sealed and then used by every Stripe call', async () => {
    expect(await resolveStripeKey()).toBeNull();
    expect((await testStripeConnection()).ok).toBe(false);
    const admin = await createAdmin();
    await saveStripeKey(admin, { secretKey: 'rk_test_consolekey123456' }, 'req_1');
    const row = await getDb().billingConnection.findUniqueOrThrow({ where: { id: 'stripe' } });
    expect(row.secretCiphertext).not.toContain('consolekey');
    expect(row.secretHint).toBe('rk_test_…3456');
    expect(await resolveStripeKey()).toEqual({ key: 'rk_test_consolekey123456', source: 'console' });

    world.fake.denied.add('credit_notes');
    const result = await testStripeConnection();
    expect(result).toMatchObject({
      ok: false,
      accountId: 'acct_fake0001',
      accountName: 'Fake Widgets',
      livemode: false,
    });
    expect(result.probes.filter((p) => !p.ok).map((p) => p.resource)).toEqual(['credit_notes']);
    expect(world.server.requestsTo('GET', '/v1/account')[0]!.headers.authorization).toBe(
      'Bearer rk_test_consolekey123456',
    );
    const view = await getBillingConnection();
    expect(view).toMatchObject({ source: 'console', keyMode: 'test', missingPermissions: ['credit_notes'] });
    expect(view.webhook.url).toBe('https://tollgate.example.test/api/webhooks/stripe');
    expect(view.webhook.events).toContain('customer.subscription.updated');
    world.fake.denied.clear();
    expect((await testStripeConnection()).ok).toBe(true);

    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: 'billing_connection.key_saved' } });
    expect(JSON.stringify({ before: audit.before, after: audit.after })).not.toContain('consolekey');
  });

  it('an environment key wins over the stored one; a revoked key is reported, not thrown', async () => {
    process.env.STRIPE_SECRET_KEY = 'sk_test_fromenv_revoked';
    resetEnvForTests();
    expect(await resolveStripeKey()).toEqual({ key: 'sk_test_fromenv_revoked', source: 'env' });
    world.fake.revokedKeys.add('sk_test_fromenv_revoked');
    const result = await testStripeConnection();
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('Stripe refused the key') });
    delete process.env.STRIPE_SECRET_KEY;
    resetEnvForTests();
  });

  it('creates the webhook endpoint with every handled event, stores its secret sealed, and deliveries verify with it', async () => {
    const admin = await createAdmin();
    const created = await createStripeWebhookEndpoint(admin, {}, 'req_2');
    const call = world.server.requestsTo('POST', '/v1/webhook_endpoints')[0]!;
    expect(call.body.url).toBe('https://tollgate.example.test/api/webhooks/stripe');
    expect(Object.keys(call.body).filter((k) => k.startsWith('enabled_events')).length).toBe(created.events.length);
    expect((await getBillingConnection()).webhook).toMatchObject({
      endpointId: created.endpointId,
      secretStored: true,
      secretInEnv: false,
    });

    const endpoint = world.fake.extra.webhook_endpoints.get(created.endpointId)!;
    expect(endpoint.secret).toBeUndefined();
    // The secret is only in Stripe's create answer: recover it the way a delivery would be signed.
    const row = await getDb().billingConnection.findUniqueOrThrow({ where: { id: 'stripe' } });
    const { openSecret } = await import('@/lib/server/integrations/secret-box');
    const secret = openSecret(row.webhookSecretCiphertext!, 'stripe:webhook-signing-secret');
    const body = JSON.stringify({
      id: `evt_${uniq('c')}`,
      object: 'event',
      type: 'customer.created',
      created: 1_735_689_600,
      data: { object: { id: 'cus_signedwithstored', object: 'customer', created: 1_735_689_600 } },
    });
    const signed = (s: string) =>
      new Request('http://x/api/webhooks/stripe', {
        method: 'POST',
        headers: { 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload: body, secret: s }) },
        body,
      });
    expect((await postRequest(signed(secret))).status).toBe(200);
    expect((await postRequest(signed('whsec_wrong'))).status).toBe(400);
  });

  it('removing the stored key disconnects', async () => {
    await removeStripeKey(await createAdmin(), 'req_3');
    expect(await resolveStripeKey()).toBeNull();
    expect((await getBillingConnection()).source).toBeNull();
  });
});

describe('catalog validation', () => {
  const plan = (fields: Record<string, unknown> = {}) => ({
    key: uniq('plan').toLowerCase(),
    name: 'Team',
    externalId: null,
    currency: 'usd',
    basePriceMinor: 2900,
    interval: 'month',
    ...fields,
  });
  const paths = (input: unknown, schema = createPlanBody) => {
    const parsed = schema.safeParse(input);
    return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
  };

  it('names the field of each bad input', () => {
    expect(paths(plan({ key: 'Has Spaces', currency: 'dollars', basePriceMinor: 12.5, externalId: 'prod_x' }))).toEqual(
      ['key', 'externalId', 'currency', 'basePriceMinor'],
    );
    const limit = { meterId: 'm1', includedQuantity: '100', hardLimit: '50', overageUnitPrice: '-1' };
    expect(paths(plan({ limits: [limit] }))).toEqual(['limits.0.overageUnitPrice', 'limits.0.hardLimit']);
    expect(
      paths({ key: 'seats', name: 'Seats', unit: 'seat', aggregation: 'unique_count' }, createMeterBody as never),
    ).toEqual(['uniqueProperty']);
  });

  it('refuses a taken key, a price mapped to another plan and an unknown meter, naming the field; each change is audited', async () => {
    const admin = await createAdmin();
    const meter = await createMeter(
      admin,
      createMeterBody.parse({
        key: uniq('calls').toLowerCase(),
        name: 'Calls',
        unit: 'call',
        aggregation: 'sum',
        externalId: 'mtr_catalogtest',
      }),
      'r',
    );
    const first = await createPlan(
      admin,
      createPlanBody.parse(
        plan({
          externalId: 'price_catalogtest1',
          limits: [{ meterId: meter.id, includedQuantity: '1000', overageUnitPrice: '0.5' }],
        }),
      ),
      'r',
    );
    expect(first.limits).toEqual([
      expect.objectContaining({
        meterKey: meter.key,
        includedQuantity: '1000',
        hardLimit: null,
        overageUnitPrice: '0.5',
      }),
    ]);

    const refused = async (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: ApiError) => ({ status: e.status, code: e.code, issues: e.issues }),
      );
    expect(await refused(createPlan(admin, createPlanBody.parse(plan({ key: first.key })), 'r'))).toMatchObject({
      status: 409,
      issues: [{ path: ['key'] }],
    });
    expect(
      await refused(createPlan(admin, createPlanBody.parse(plan({ externalId: 'price_catalogtest1' })), 'r')),
    ).toMatchObject({ status: 409, code: 'price_mapped', issues: [{ path: ['externalId'] }] });
    expect(
      await refused(
        createPlan(
          admin,
          createPlanBody.parse(plan({ limits: [{ meterId: 'nope', includedQuantity: '1', overageUnitPrice: '1' }] })),
          'r',
        ),
      ),
    ).toMatchObject({ status: 422, issues: [{ path: ['limits', 0, 'meterId'] }] });
    expect(
      await refused(
        createMeter(
          admin,
          createMeterBody.parse({
            key: uniq('x').toLowerCase(),
            name: 'X',
            unit: 'u',
            aggregation: 'sum',
            externalId: 'mtr_catalogtest',
          }),
          'r',
        ),
      ),
    ).toMatchObject({ status: 409, issues: [{ path: ['externalId'] }] });

    const archived = await updatePlan(admin, first.id, { active: false, entitlementFailMode: 'closed' }, 'r');
    expect(archived).toMatchObject({ active: false, entitlementFailMode: 'closed' });
    const actions = (
      await getDb().auditEvent.findMany({
        where: { targetId: { in: [first.id, meter.id] } },
        orderBy: { sequence: 'asc' },
      })
    ).map((a) => a.action);
    expect(actions).toEqual(['meter.created', 'plan.created', 'plan.archived']);
  });
});
