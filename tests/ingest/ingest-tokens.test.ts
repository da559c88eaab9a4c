import { afterAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/roles';
import { hashSecret } from '@/lib/server/ingest/authenticate-ingest-token';
import { createIngestToken } from '@/lib/server/ingest/create-ingest-token';
import { listIngestStats } from '@/lib/server/ingest/list-ingest-stats';
import { listIngestTokens } from '@/lib/server/ingest/list-ingest-tokens';
import { flushIngestStats } from '@/lib/server/ingest/record-ingest-stats';
import { revokeIngestToken } from '@/lib/server/ingest/revoke-ingest-token';
import { uniq } from '../helpers/fresh-database';
import { httpJson, spawnIngestServer, type IngestServer } from '../helpers/spawn-ingest-server';
import { createUsageWorld, event, postUsage } from '../helpers/usage-world';

let server: IngestServer | undefined;
afterAll(async () => server?.kill('SIGKILL'));

async function admin(): Promise<SessionUser> {
  const u = await getDb().user.create({
    data: { email: `${uniq('admin')}@example.test`, name: 'Token Admin', role: 'admin' },
  });
  return { id: u.id, email: u.email, name: u.name, role: 'admin' };
}

describe('ingest tokens', () => {
  it('creates a token whose secret is shown once and stored only as sha256, audited in the same transaction', async () => {
    const actor = await admin();
    const source = uniq('gw').toLowerCase();
    const created = await createIngestToken(actor, { name: 'Edge gateway', source }, 'req_tok_1');
    expect(created.secret).toMatch(/^tg_ingest_[A-Za-z0-9_-]{32}$/);
    expect(created).toMatchObject({
      name: 'Edge gateway',
      source,
      prefix: created.secret.slice(0, 16),
      createdBy: 'Token Admin',
      revokedAt: null,
    });
    const row = await getDb().ingestToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashSecret(created.secret));
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { targetId: created.id, action: 'ingest_token.created' },
    });
    expect(audit).toMatchObject({ actorId: actor.id, requestId: 'req_tok_1' });
    expect(JSON.stringify({ ...audit, sequence: String(audit.sequence) })).not.toContain(created.secret);
    const listed = (await listIngestTokens()).find((t) => t.id === created.id)!;
    expect(listed).not.toHaveProperty('secret');
    expect(JSON.stringify(listed)).not.toContain(row.tokenHash);
  });

  it('a revoked token is refused at once, here and in another process that had it cached', async () => {
    const actor = await admin();
    const w = await createUsageWorld();
    const created = await createIngestToken(actor, { name: 'To revoke', source: w.source }, 'req_tok_2');
    server = await spawnIngestServer(process.env.DATABASE_URL!);
    const remote = () => httpJson(`${server!.url}/api/v1/usage`, created.secret, event(w));
    // Warm both caches (the first request may run before the LISTEN connection is up).
    for (let i = 0; i < 3; i++) {
      expect((await postUsage(created.secret, event(w))).status).toBe(202);
      expect((await remote()).status).toBe(202);
      await new Promise((r) => setTimeout(r, 100));
    }
    const revoked = await revokeIngestToken(actor, created.id, 'req_tok_3');
    expect(revoked.revokedAt).not.toBeNull();
    const local = await postUsage(created.secret, event(w));
    expect(local).toMatchObject({ status: 401, body: { error: { code: 'invalid_token' } } });
    const deadline = Date.now() + 2_000;
    let status = 0;
    while (Date.now() < deadline && (status = (await remote()).status) !== 401)
      await new Promise((r) => setTimeout(r, 20));
    expect(status).toBe(401);

    // Revoking again changes nothing and writes no second audit event.
    await revokeIngestToken(actor, created.id, 'req_tok_4');
    expect(await getDb().auditEvent.count({ where: { targetId: created.id, action: 'ingest_token.revoked' } })).toBe(1);
    await expect(revokeIngestToken(actor, 'tok_missing', 'r')).rejects.toMatchObject({ status: 404 });
  });

  it('reports accepted, duplicate and rejected per source for the last days', async () => {
    const w = await createUsageWorld();
    const e = event(w);
    await postUsage(w.token, [e, e, event(w, { meter: 'nope' })]);
    await flushIngestStats();
    const stats = await listIngestStats(7);
    expect(stats.items.find((s) => s.source === w.source)).toMatchObject({
      accepted: 1,
      duplicate: 1,
      rejected: 1,
      days: [{ day: stats.to, accepted: 1, duplicate: 1, rejected: 1 }],
    });
  });
});
