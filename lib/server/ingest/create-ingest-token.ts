import { randomBytes } from 'node:crypto';
import { getDb } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/roles';
import type { CreateIngestTokenInput, CreatedIngestToken } from '@/lib/schemas/ingest-tokens';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { INGEST_SCOPES, hashSecret } from './authenticate-ingest-token';
import { ingestTokenSelect, toIngestTokenView } from './ingest-token-view';
import { clock } from '@/lib/clock';

export const INGEST_TOKEN_PREFIX = 'tg_ingest_';

// Creates a token for a source. The secret (192 random bits) is returned once, here; only its
// sha256 is stored, so a lost secret means a new token. The audit event never sees the secret.
export async function createIngestToken(
  actor: SessionUser,
  input: CreateIngestTokenInput,
  requestId: string,
): Promise<CreatedIngestToken> {
  const secret = `${INGEST_TOKEN_PREFIX}${randomBytes(24).toString('base64url')}`;
  return getDb().$transaction(async (tx) => {
    const token = await tx.ingestToken.create({
      data: {
        name: input.name,
        source: input.source,
        prefix: secret.slice(0, INGEST_TOKEN_PREFIX.length + 6),
        tokenHash: hashSecret(secret),
        createdById: actor.id,
        scopes: [...new Set(input.scopes ?? INGEST_SCOPES)],
        expiresAt: input.expiresInDays ? new Date(clock.nowMs() + input.expiresInDays * 86_400_000) : null,
      },
      select: ingestTokenSelect,
    });
    const view = toIngestTokenView(token);
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: 'ingest_token.created',
      target: { type: 'ingest_token', id: token.id },
      requestId,
      after: view,
    });
    return { ...view, secret };
  });
}
