import { expect, request as pwRequest, test } from '@playwright/test';
import { gatewayUrl, storageStateFor } from '../fixtures/e2e-world';
import { describeRoleMatrix, type RouteCase } from '../fixtures/role-matrix';

// Ingest tokens are admin-only (session auth, same-origin); the per-source counts are for admin
// and revops. The token a route creates works for POST /api/v1/usage with no session at all.

let revokeTarget = '';

test.beforeAll(async ({ baseURL }) => {
  const admin = await pwRequest.newContext({
    baseURL,
    storageState: storageStateFor('admin'),
    extraHTTPHeaders: { origin: baseURL! },
  });
  const res = await admin.post('/api/v1/ingest-tokens', {
    data: { name: 'Revoke target', source: `e2e-revoke-${Date.now()}` },
  });
  expect(res.status()).toBe(201);
  revokeTarget = (await res.json()).id;
  await admin.dispose();
});

const ROUTES: RouteCase[] = [
  {
    name: 'ingest tokens list',
    method: 'GET',
    path: '/api/v1/ingest-tokens',
    allowed: ['admin'],
    check: (b) => {
      expect(Array.isArray(b.items)).toBe(true);
      expect(JSON.stringify(b)).not.toMatch(/tokenHash|token_hash|secret/);
    },
  },
  {
    name: 'create ingest token',
    method: 'POST',
    path: '/api/v1/ingest-tokens',
    allowed: ['admin'],
    okStatus: 201,
    body: (who) => ({ name: `Token by ${who}`, source: `e2e-${who}-${Date.now()}` }),
    check: (b) => {
      expect(b.secret).toMatch(/^tg_ingest_/);
      expect(b.prefix).toBe(b.secret.slice(0, 16));
      expect(b.revokedAt).toBeNull();
    },
  },
  {
    name: 'revoke ingest token',
    method: 'DELETE',
    path: () => `/api/v1/ingest-tokens/${revokeTarget}`,
    allowed: ['admin'],
    check: (b) => expect(b).toMatchObject({ id: revokeTarget, revokedAt: expect.any(String) }),
  },
  {
    name: 'ingest stats',
    method: 'GET',
    path: '/api/v1/ingest-stats?days=7',
    allowed: ['admin', 'revops'],
    check: (b) =>
      expect(b).toMatchObject({ from: expect.any(String), to: expect.any(String), items: expect.any(Array) }),
  },
];

describeRoleMatrix('ingest token routes', ROUTES);

test.describe('ingest token contract', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('validates the body, refuses another origin, and 404s an unknown token', async ({ request, baseURL }) => {
    const bad = await request.post('/api/v1/ingest-tokens', {
      headers: { origin: baseURL! },
      data: { name: 'x', source: 'Has Spaces' },
    });
    expect(bad.status()).toBe(422);
    expect((await bad.json()).error.code).toBe('validation_failed');
    const reserved = await request.post('/api/v1/ingest-tokens', {
      headers: { origin: baseURL! },
      data: { name: 'x', source: 'entitlement-reserve' },
    });
    expect(reserved.status()).toBe(422);
    const cross = await request.post('/api/v1/ingest-tokens', {
      headers: { origin: 'https://evil.example' },
      data: { name: 'x', source: 'ok' },
    });
    expect(cross.status()).toBe(403);
    expect((await cross.json()).error.code).toBe('cross_origin_request');
    const missing = await request.delete('/api/v1/ingest-tokens/tok_missing', { headers: { origin: baseURL! } });
    expect(missing.status()).toBe(404);
  });

  // The same contract on both transports: the console's route and the gateway process.
  for (const transport of ['console', 'gateway'] as const)
    test(`a created token ingests usage without a session, and stops working once revoked (${transport})`, async ({
      request,
      baseURL,
    }) => {
      const created = await (
        await request.post('/api/v1/ingest-tokens', {
          headers: { origin: baseURL! },
          data: { name: 'Contract', source: `e2e-contract-${Date.now()}` },
        })
      ).json();
      const anon = await pwRequest.newContext({ baseURL: transport === 'gateway' ? gatewayUrl() : baseURL });
      const send = (body: unknown, type = 'application/json') =>
        anon.post('/api/v1/usage', {
          headers: { authorization: `Bearer ${created.secret}`, 'content-type': type },
          data: JSON.stringify(body),
        });
      const ev = {
        idempotencyKey: `contract-${Date.now()}`,
        customerId: 'cus_demo_001',
        meter: 'api_calls',
        quantity: 2,
        timestamp: new Date().toISOString(),
      };
      expect((await send(ev)).status()).toBe(202);
      expect((await send(ev)).status()).toBe(200);
      const conflict = await send({ ...ev, quantity: 3 });
      expect(conflict.status()).toBe(409);
      expect((await conflict.json()).error.code).toBe('idempotency_conflict');
      expect((await send(ev, 'text/plain')).status()).toBe(415);
      const check = await anon.post('/api/v1/entitlements/check', {
        headers: { authorization: `Bearer ${created.secret}` },
        data: { customerId: 'cus_demo_001', meter: 'api_calls' },
      });
      expect(check.status()).toBe(200);
      expect(await check.json()).toMatchObject({ allowed: expect.any(Boolean), reason: expect.any(String) });

      expect(
        (await request.delete(`/api/v1/ingest-tokens/${created.id}`, { headers: { origin: baseURL! } })).status(),
      ).toBe(200);
      // Another process (the gateway) hears of the revocation through NOTIFY, milliseconds later.
      let attempt = 0;
      await expect
        .poll(async () => (await send({ ...ev, idempotencyKey: `${ev.idempotencyKey}-after-${attempt++}` })).status())
        .toBe(401);
      const refused = await send({ ...ev, idempotencyKey: `${ev.idempotencyKey}-after` });
      expect((await refused.json()).error.code).toBe('invalid_token');
      await anon.dispose();
    });
});
