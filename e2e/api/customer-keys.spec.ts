import { createHash } from 'node:crypto';
import { expect, request as pwRequest, test, type APIRequestContext } from '@playwright/test';
import { storageStateFor } from '../fixtures/e2e-world';
import { describeRoleMatrix, type RouteCase } from '../fixtures/role-matrix';

// Customer API keys: every role reads prefixes; admins make, rotate, revoke and import keys; a
// gateway registers keys with an ingest token and then checks entitlements by key or by hash.
const CUSTOMER = 'cus_demo_002';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const targets: Record<string, string> = {};

async function adminContext(baseURL: string): Promise<APIRequestContext> {
  return pwRequest.newContext({
    baseURL,
    storageState: storageStateFor('admin'),
    extraHTTPHeaders: { origin: baseURL },
  });
}

test.beforeAll(async ({ baseURL }) => {
  const admin = await adminContext(baseURL!);
  for (const name of ['rotate', 'revoke']) {
    const res = await admin.post(`/api/v1/customers/${CUSTOMER}/api-keys`, { data: { name: `e2e ${name}` } });
    expect(res.status()).toBe(201);
    targets[name] = (await res.json()).id;
  }
  await admin.dispose();
});

const ROUTES: RouteCase[] = [
  {
    name: 'customer keys list',
    method: 'GET',
    path: `/api/v1/customers/${CUSTOMER}/api-keys`,
    allowed: ['admin', 'revops', 'support'],
    check: (b) => {
      expect(b.items.length).toBeGreaterThan(0);
      expect(JSON.stringify(b)).not.toMatch(/keyHash|key_hash|"key"/);
    },
  },
  {
    name: 'create customer key',
    method: 'POST',
    path: `/api/v1/customers/${CUSTOMER}/api-keys`,
    allowed: ['admin'],
    okStatus: 201,
    body: (who) => ({ name: `Key by ${who}` }),
    check: (b) => expect(b.key).toMatch(/^tgk_/),
  },
  {
    name: 'rotate customer key',
    method: 'POST',
    path: () => `/api/v1/customer-keys/${targets.rotate}/rotate`,
    allowed: ['admin'],
    okStatus: 201,
    check: (b) => expect(b).toMatchObject({ revoked: { id: targets.rotate }, created: { key: expect.any(String) } }),
  },
  {
    name: 'revoke customer key',
    method: 'DELETE',
    path: () => `/api/v1/customer-keys/${targets.revoke}`,
    allowed: ['admin'],
    check: (b) => expect(b).toMatchObject({ id: targets.revoke, revokedAt: expect.any(String) }),
  },
  {
    name: 'import customer keys',
    method: 'POST',
    path: '/api/v1/customer-keys/import',
    allowed: ['admin'],
    body: (who) => ({ csv: `customer_id,key_hash\n${CUSTOMER},${sha256(`import-${who}-${Date.now()}`)}` }),
    check: (b) => expect(b).toMatchObject({ created: 1, rejected: 0 }),
  },
];

describeRoleMatrix('customer key routes', ROUTES);

test('a gateway registers a key by hash, checks by key and by hash, and a revoked key stops answering', async ({
  baseURL,
}) => {
  const admin = await adminContext(baseURL!);
  const token = (
    await (
      await admin.post('/api/v1/ingest-tokens', { data: { name: 'Keys', source: `e2e-keys-${Date.now()}` } })
    ).json()
  ).secret as string;
  const gateway = await pwRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const key = `sk_live_${Date.now()}`;
  const registered = await gateway.post('/api/v1/customer-keys', {
    data: { keys: [{ customerId: CUSTOMER, keyHash: sha256(key), name: 'From vault' }, { customerId: CUSTOMER }] },
  });
  expect(registered.status()).toBe(200);
  const body = await registered.json();
  expect(body.results.map((r: { status: string }) => r.status)).toEqual(['created', 'invalid']);
  const again = await gateway.post('/api/v1/customer-keys', { data: { keys: [{ customerId: CUSTOMER, key }] } });
  expect((await again.json()).results[0]).toMatchObject({ status: 'existing', id: body.results[0].id });

  const check = async (ref: Record<string, string>) =>
    (await (await gateway.post('/api/v1/entitlements/check', { data: { ...ref, meter: 'api_calls' } })).json()).reason;
  expect(await check({ apiKey: key })).not.toBe('unknown_customer');
  expect(await check({ apiKeyHash: sha256(key) })).not.toBe('unknown_customer');
  expect((await admin.delete(`/api/v1/customer-keys/${body.results[0].id}`)).status()).toBe(200);
  await expect.poll(() => check({ apiKey: key })).toBe('unknown_customer');

  const unauthenticated = await pwRequest.newContext({ baseURL });
  expect((await unauthenticated.post('/api/v1/customer-keys', { data: { keys: [{}] } })).status()).toBe(401);
  await Promise.all([admin.dispose(), gateway.dispose(), unauthenticated.dispose()]);
});
