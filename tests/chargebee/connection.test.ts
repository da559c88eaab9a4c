import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { resolveChargebeeCredentials } from '@/lib/server/billing/chargebee/resolve-chargebee-client';
import { getChargebeeConnection } from '@/lib/server/billing/connection/get-chargebee-connection';
import {
  removeChargebeeConnection,
  saveChargebeeConnection,
} from '@/lib/server/billing/connection/save-chargebee-connection';
import { testChargebeeConnection } from '@/lib/server/billing/connection/test-chargebee-connection';
import { chargebeeConnectionBody } from '@/lib/schemas/chargebee-connection';
import { FakeChargebeeServer } from '../fixtures/fake-chargebee-server';
import { createAdmin } from '../webhooks/helpers';

// Settings → Billing platform → Chargebee: the site and API key stored (the key sealed as the
// Stripe key is), and "Test connection" through the chargebee SDK against a local fake that
// checks the SDK's Basic auth and answers in Chargebee's shapes.

const API_KEY = 'test_consoleKey0123456789abcdef';
let fake: FakeChargebeeServer;

beforeAll(async () => {
  fake = await new FakeChargebeeServer(API_KEY).start();
  process.env.CHARGEBEE_API_BASE = fake.url;
  process.env.NEXTAUTH_URL = 'https://tollgate.example.test';
  delete process.env.CHARGEBEE_SITE;
  delete process.env.CHARGEBEE_API_KEY;
  resetEnvForTests();
});
afterAll(async () => {
  delete process.env.CHARGEBEE_API_BASE;
  resetEnvForTests();
  await fake?.stop();
});
beforeEach(async () => {
  fake.forbidden.clear();
  fake.productCatalogVersion = 'v2';
  await getDb().billingConnection.deleteMany({ where: { id: 'chargebee' } });
});

describe('Chargebee connection', () => {
  it('stores the key sealed, resolves it for every call, and removes it', async () => {
    expect(await resolveChargebeeCredentials()).toBeNull();
    expect(await testChargebeeConnection()).toMatchObject({
      ok: false,
      message: expect.stringContaining('No Chargebee site'),
    });
    const admin = await createAdmin();
    const input = chargebeeConnectionBody.parse({ site: 'https://Acme-Test.chargebee.com', apiKey: API_KEY });
    expect(input.site).toBe('acme-test');
    await saveChargebeeConnection(admin, input, 'req_cb_1');
    const row = await getDb().billingConnection.findUniqueOrThrow({ where: { id: 'chargebee' } });
    expect(row.secretCiphertext).not.toContain('consoleKey');
    expect(row).toMatchObject({ accountId: 'acme-test', secretHint: 'test_…cdef' });
    expect(await resolveChargebeeCredentials()).toEqual({ site: 'acme-test', apiKey: API_KEY, source: 'console' });
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { action: 'billing_connection.key_saved', targetId: 'chargebee', requestId: 'req_cb_1' },
    });
    expect(JSON.stringify([audit.before, audit.after])).not.toContain(API_KEY);
    expect(audit.after).toEqual({ site: 'acme-test', keyHint: 'test_…cdef' });

    await removeChargebeeConnection(admin, 'req_cb_2');
    expect(await resolveChargebeeCredentials()).toBeNull();
  });

  it('"Test connection" names the site through the SDK, and lists what the key cannot read', async () => {
    await saveChargebeeConnection(await createAdmin(), { site: 'acme-test', apiKey: API_KEY }, 'req_cb_3');
    const before = fake.requests.length;
    expect(await testChargebeeConnection()).toMatchObject({
      ok: true,
      message: 'Connected to Chargebee site acme-test (acme-test)',
      accountId: 'acme-test',
      livemode: false,
    });
    const sent = fake.requests.slice(before);
    expect(sent.map((r) => r.path)).toEqual([
      '/configurations',
      '/item_prices',
      '/customers',
      '/subscriptions',
      '/invoices',
      '/credit_notes',
    ]);
    expect(sent[0]!.headers.authorization).toBe(`Basic ${Buffer.from(`${API_KEY}:`).toString('base64')}`);

    fake.forbidden.add('credit_notes');
    const limited = await testChargebeeConnection();
    expect(limited).toMatchObject({ ok: false, message: expect.stringContaining('cannot read: Credit notes') });
    expect(await getChargebeeConnection()).toMatchObject({
      source: 'console',
      site: 'acme-test',
      keyHint: 'test_…cdef',
      missingPermissions: ['credit_notes'],
      webhook: {
        url: 'https://tollgate.example.test/api/webhooks/chargebee',
        events: expect.arrayContaining(['payment_failed']),
      },
    });
  });

  it('says so when Chargebee refuses the key or the site runs the old product catalog', async () => {
    await saveChargebeeConnection(
      await createAdmin(),
      { site: 'acme-test', apiKey: 'test_wrongKey0123456789abc' },
      'req_cb_4',
    );
    expect(await testChargebeeConnection()).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Chargebee refused the API key: Sorry, authentication failed/),
    });
    await saveChargebeeConnection(await createAdmin(), { site: 'acme-test', apiKey: API_KEY }, 'req_cb_5');
    fake.productCatalogVersion = 'v1';
    expect(await testChargebeeConnection()).toMatchObject({
      ok: false,
      message: expect.stringContaining('Product Catalog v1'),
    });
  });

  it('refuses a malformed site or key with the field named', () => {
    const bad = chargebeeConnectionBody.safeParse({ site: 'acme test!', apiKey: 'short' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path[0]).sort()).toEqual(['apiKey', 'site']);
  });
});
