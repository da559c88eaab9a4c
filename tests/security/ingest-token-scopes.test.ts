import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/roles';
import { createIngestTokenBody } from '@/lib/schemas/ingest-tokens';
import { authenticateIngestToken, type IngestScope } from '@/lib/server/ingest/authenticate-ingest-token';
import { createIngestToken } from '@/lib/server/ingest/create-ingest-token';
import { uniq } from '../helpers/fresh-database';

// Finding (low): ingest tokens never expired and every token could both write usage and ask for
// entitlements. Tokens now carry scopes and an optional expiry, checked when they authenticate.

async function admin(): Promise<SessionUser> {
  const u = await getDb().user.create({ data: { email: `${uniq('tok')}@example.test`, name: 'T', role: 'admin' } });
  return { id: u.id, email: u.email, name: u.name, role: 'admin' };
}

const bearer = (secret: string) =>
  new Request('http://127.0.0.1/api/v1/usage', { headers: { authorization: `Bearer ${secret}` } });

async function outcome(secret: string, scope?: IngestScope) {
  try {
    await authenticateIngestToken(bearer(secret), scope);
    return 'ok';
  } catch (err) {
    return (err as { code?: string }).code;
  }
}

describe('ingest token scopes', () => {
  it.each<[IngestScope[], IngestScope, string]>([
    [['usage:write'], 'usage:write', 'ok'],
    [['usage:write'], 'entitlements:check', 'forbidden'],
    [['entitlements:check'], 'entitlements:check', 'ok'],
    [['entitlements:check'], 'usage:write', 'forbidden'],
    [['usage:write', 'entitlements:check'], 'entitlements:check', 'ok'],
  ])('a token with %j asking for %s → %s', async (scopes, scope, expected) => {
    const token = await createIngestToken(await admin(), { name: 'S', source: uniq('src').toLowerCase(), scopes }, 'r');
    expect(token.scopes).toEqual(scopes);
    expect(await outcome(token.secret, scope)).toBe(expected);
    // Asked twice: the cached grant keeps its scopes.
    expect(await outcome(token.secret, scope)).toBe(expected);
  });

  it.each([
    ['/api/v1/usage', 'ok'],
    ['/api/v1/entitlements/check', 'forbidden'],
  ])('a usage-only token on %s → %s (scope from the route path)', async (path, expected) => {
    const token = await createIngestToken(
      await admin(),
      { name: 'U', source: uniq('src').toLowerCase(), scopes: ['usage:write'] },
      'r',
    );
    const req = new Request(`http://127.0.0.1:3140${path}`, { headers: { authorization: `Bearer ${token.secret}` } });
    const result = await authenticateIngestToken(req).then(
      () => 'ok',
      (err: { code?: string }) => err.code,
    );
    expect(result).toBe(expected);
  });

  it('tokens created without scopes may do both (existing gateways keep working)', async () => {
    const token = await createIngestToken(await admin(), { name: 'D', source: uniq('src').toLowerCase() }, 'r');
    expect(token.scopes).toEqual(['usage:write', 'entitlements:check']);
  });

  it.each([[[]], [['usage:read']], [['admin']]])('refuses scopes %j', (scopes) => {
    expect(createIngestTokenBody.safeParse({ name: 'x', source: 'gw', scopes }).success).toBe(false);
  });
});

describe('ingest token expiry', () => {
  it('is shown and enforced; an expired token is refused even after it was cached', async () => {
    const token = await createIngestToken(
      await admin(),
      { name: 'E', source: uniq('src').toLowerCase(), expiresInDays: 30 },
      'r',
    );
    expect(Date.parse(token.expiresAt!) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    await getDb().ingestToken.update({ where: { id: token.id }, data: { expiresAt: new Date(Date.now() + 400) } });
    expect(await outcome(token.secret)).toBe('ok');
    await new Promise((r) => setTimeout(r, 450));
    expect(await outcome(token.secret)).toBe('token_expired');
  });

  it('a token past its expiry is refused on first use', async () => {
    const token = await createIngestToken(
      await admin(),
      { name: 'P', source: uniq('src').toLowerCase(), expiresInDays: 1 },
      'r',
    );
    await getDb().ingestToken.update({ where: { id: token.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await outcome(token.secret)).toBe('token_expired');
  });

  it.each([0, -1, 3651, 1.5])('refuses expiresInDays %s', (days) => {
    expect(createIngestTokenBody.safeParse({ name: 'x', source: 'gw', expiresInDays: days }).success).toBe(false);
  });
});
