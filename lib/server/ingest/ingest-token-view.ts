import type { IngestTokenView } from '@/lib/schemas/ingest-tokens';

// What the API shows of a token: never the hash, never the secret (only creation returns it).
export const ingestTokenSelect = {
  id: true,
  name: true,
  source: true,
  prefix: true,
  createdAt: true,
  revokedAt: true,
  lastUsedAt: true,
  expiresAt: true,
  scopes: true,
  createdBy: { select: { name: true } },
} as const;

interface Row {
  id: string;
  name: string;
  source: string;
  prefix: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  scopes: string[];
  createdBy: { name: string } | null;
}

export function toIngestTokenView(t: Row): IngestTokenView {
  return {
    id: t.id,
    name: t.name,
    source: t.source,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    createdBy: t.createdBy?.name ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
    scopes: t.scopes,
  };
}
