import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/roles';
import { verifyAuditChain } from '@/lib/server/audit/verify-audit-chain';
import { createCustomerKey } from '@/lib/server/customer-keys/create-customer-key';
import { importCustomerKeysCsv } from '@/lib/server/customer-keys/import-customer-keys-csv';
import { registerCustomerKeys } from '@/lib/server/customer-keys/register-customer-keys';
import { revokeCustomerKey } from '@/lib/server/customer-keys/revoke-customer-key';
import { rotateCustomerKey } from '@/lib/server/customer-keys/rotate-customer-key';
import { uniq } from '../helpers/fresh-database';
import { createUsageWorld, postCheck } from '../helpers/usage-world';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

async function admin(): Promise<SessionUser> {
  const u = await getDb().user.create({ data: { email: `${uniq('admin')}@example.test`, name: 'Ada', role: 'admin' } });
  return { id: u.id, email: u.email, name: u.name, role: 'admin' };
}

async function until(ok: () => Promise<boolean>, ms = 5_000) {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('customer API keys', () => {
  it('a key made in the console is shown once, stored as its sha256, and answers checks by key or hash', async () => {
    const w = await createUsageWorld();
    const created = await createCustomerKey(await admin(), w.customerId, 'Production', 'req-1');
    expect(created.key).toMatch(/^tgk_[\w-]{32}$/);
    expect(created.prefix).toBe(created.key.slice(0, 10));
    const row = await getDb().customerApiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.keyHash).toBe(sha256(created.key));
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { targetId: created.id } });
    expect(JSON.stringify({ ...audit, sequence: String(audit.sequence) })).not.toContain(created.key);

    for (const ref of [{ apiKey: created.key }, { apiKeyHash: sha256(created.key).toUpperCase() }]) {
      const { status, body } = await postCheck(w.token, { ...ref, meter: w.meters.sum });
      expect(status).toBe(200);
      expect(body).toMatchObject({ allowed: true, reason: 'within_limit' });
    }
    const both = await postCheck(w.token, {
      apiKey: created.key,
      apiKeyHash: sha256(created.key),
      meter: w.meters.sum,
    });
    expect(both.status).toBe(422);
  });

  it('revoking stops the key answering for the customer; rotating swaps old for new atomically', async () => {
    const w = await createUsageWorld();
    const actor = await admin();
    const first = await createCustomerKey(actor, w.customerId, 'CI', 'req-2');
    const check = async (key: string) => (await postCheck(w.token, { apiKey: key, meter: w.meters.sum })).body.reason;
    expect(await check(first.key)).toBe('within_limit');

    const { revoked, created } = await rotateCustomerKey(actor, first.id, 'req-3');
    expect(revoked.revokedAt).not.toBeNull();
    expect(created.name).toBe('CI');
    await until(async () => (await check(first.key)) === 'unknown_customer');
    expect(await check(created.key)).toBe('within_limit');
    await expect(rotateCustomerKey(actor, first.id, 'req-4')).rejects.toMatchObject({ code: 'key_revoked' });

    const again = await revokeCustomerKey(actor, created.id, 'req-5');
    expect(await revokeCustomerKey(actor, created.id, 'req-6')).toEqual(again);
    await until(async () => (await check(created.key)) === 'unknown_customer');
    const actions = await getDb().auditEvent.findMany({
      where: { targetId: { in: [first.id, created.id] } },
      orderBy: { sequence: 'asc' },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      'customer_key.created',
      'customer_key.revoked',
      'customer_key.created',
      'customer_key.revoked',
    ]);
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it('a gateway registers keys by key or hash: created, existing on repeat, conflict across customers', async () => {
    const a = await createUsageWorld();
    const b = await createUsageWorld();
    const actor = { type: 'system' as const, id: `ingest_token:${a.tokenId}` };
    const hashOnly = sha256(uniq('hidden-key'));
    const plain = uniq('plain-key');
    const items = [
      { customerId: a.customerId, key: plain, name: 'Gateway key' },
      { externalCustomerId: a.externalId, keyHash: hashOnly, prefix: 'sk_live_ab' },
      { customerId: 'cus_nobody', keyHash: sha256('x-nobody') },
      { customerId: a.customerId },
      { customerId: a.customerId, key: 'y'.repeat(20), keyHash: sha256('y') },
    ];
    const first = await registerCustomerKeys(actor, items, 'req-7');
    expect(first.results.map((r) => r.status)).toEqual([
      'created',
      'created',
      'unknown_customer',
      'invalid',
      'invalid',
    ]);
    expect(first).toMatchObject({ created: 2, existing: 0, rejected: 3 });

    const again = await registerCustomerKeys(actor, items.slice(0, 2), 'req-8');
    expect(again.results.map((r) => r.status)).toEqual(['existing', 'existing']);
    expect(again.results.map((r) => r.id)).toEqual(first.results.slice(0, 2).map((r) => r.id));

    const stolen = await registerCustomerKeys(actor, [{ customerId: b.customerId, keyHash: hashOnly }], 'req-9');
    expect(stolen.results[0]).toMatchObject({ status: 'conflict', id: null });
    expect((await postCheck(a.token, { apiKeyHash: hashOnly, meter: a.meters.sum })).body.reason).toBe('within_limit');
  });

  it('concurrent registrations of the same key store it once', async () => {
    const w = await createUsageWorld();
    const hash = sha256(uniq('racy'));
    const runs = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        registerCustomerKeys({ type: 'system', id: 'race' }, [{ customerId: w.customerId, keyHash: hash }], `r${i}`),
      ),
    );
    expect(runs.filter((r) => r.results[0].status === 'created')).toHaveLength(1);
    expect(runs.every((r) => ['created', 'existing'].includes(r.results[0].status))).toBe(true);
    expect(await getDb().customerApiKey.count({ where: { keyHash: hash } })).toBe(1);
  });

  it('imports a key manager’s CSV export with a verdict per row, and refuses a file without the columns', async () => {
    const w = await createUsageWorld();
    const actor = await admin();
    const key = uniq('csv-key');
    const csv = [
      'external_customer_id,key_hash,name',
      `${w.externalId},${sha256(key)},"Imported, from vault"`,
      `cus_missing,${sha256('other')},x`,
      `${w.externalId},not-a-hash,y`,
    ].join('\n');
    const result = await importCustomerKeysCsv(actor, csv, 'req-10');
    expect(result.results.map((r) => [r.index, r.status])).toEqual([
      [0, 'created'],
      [1, 'unknown_customer'],
      [2, 'invalid'],
    ]);
    const row = await getDb().customerApiKey.findUniqueOrThrow({ where: { keyHash: sha256(key) } });
    expect(row).toMatchObject({ customerId: w.customerId, name: 'Imported, from vault' });
    await expect(importCustomerKeysCsv(actor, 'id,secret\n1,2', 'req-11')).rejects.toMatchObject({
      status: 422,
      code: 'invalid_csv',
    });
  });
});
