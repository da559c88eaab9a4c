import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { authenticateIngestToken } from '@/lib/server/ingest/authenticate-ingest-token';
import { createIngestToken } from '@/lib/server/ingest/create-ingest-token';
import { noteIngestTokenUse } from '@/lib/server/ingest/note-ingest-token-use';
import { uniq } from '../helpers/fresh-database';

// Finding (low): ingest tokens never recorded when they were last used. The hot path now samples
// it: one write per token per minute and process, off the request's critical path.
async function newToken() {
  const u = await getDb().user.create({ data: { email: `${uniq('lu')}@example.test`, name: 'L', role: 'admin' } });
  const admin = { id: u.id, email: u.email, name: u.name, role: 'admin' as const };
  return createIngestToken(admin, { name: 'Last used', source: uniq('lu').toLowerCase() }, 'r');
}
const lastUsed = async (id: string) =>
  (await getDb().ingestToken.findUniqueOrThrow({ where: { id }, select: { lastUsedAt: true } })).lastUsedAt;

async function until(ok: () => Promise<boolean>) {
  const deadline = Date.now() + 5_000;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('ingest token last use', () => {
  it('an authenticated request records lastUsedAt, even when the grant came from the cache', async () => {
    const token = await newToken();
    expect(await lastUsed(token.id)).toBeNull();
    const request = () =>
      authenticateIngestToken(
        new Request('http://127.0.0.1/api/v1/usage', { headers: { authorization: `Bearer ${token.secret}` } }),
      );
    await request();
    await until(async () => (await lastUsed(token.id)) !== null);
    await request(); // cached grant: no new lookup, and within the minute no new write either
    expect(await lastUsed(token.id)).not.toBeNull();
  });

  it('writes at most once a minute per token', async () => {
    const token = await newToken();
    const t0 = Date.parse('2030-01-01T00:00:00Z');
    noteIngestTokenUse(token.id, t0);
    await until(async () => (await lastUsed(token.id))?.getTime() === t0);
    noteIngestTokenUse(token.id, t0 + 30_000); // sampled out
    noteIngestTokenUse(token.id, t0 + 61_000);
    await until(async () => (await lastUsed(token.id))?.getTime() === t0 + 61_000);
    noteIngestTokenUse(token.id, t0 + 90_000); // within a minute of the last write: sampled out
    await new Promise((r) => setTimeout(r, 200));
    expect((await lastUsed(token.id))?.getTime()).toBe(t0 + 61_000);
  });
});
