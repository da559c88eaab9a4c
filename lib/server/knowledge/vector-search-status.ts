import { getPool } from '@/lib/db';
import { getEnv } from '@/lib/env';

export interface VectorSearchStatus {
  enabled: boolean;
  /** What the knowledge page shows: why vector search is on or off. */
  reason: string;
}

let cached: { at: number; status: VectorSearchStatus } | null = null;

// Hybrid search needs three things: an embedding model (AI_EMBEDDING_MODEL with an OpenAI or
// OpenAI-compatible provider), the pgvector extension installed in this database, and the
// `knowledge_embeddings` table it stores vectors in. The embedded PostgreSQL ships without
// pgvector, so the default is full-text search; each missing piece is named, never an error.
export async function vectorSearchStatus(): Promise<VectorSearchStatus> {
  if (cached && Date.now() - cached.at < 60_000) return cached.status;
  const env = getEnv();
  let status: VectorSearchStatus;
  if (!env.AI_EMBEDDING_MODEL || !['openai', 'openai-compatible'].includes(env.AI_PROVIDER)) {
    status = { enabled: false, reason: 'Full-text search: no embedding model is configured (AI_EMBEDDING_MODEL).' };
  } else {
    const { rows } = await getPool().query<{ ext: string | null; tbl: string | null }>(
      `SELECT (SELECT extversion FROM pg_extension WHERE extname = 'vector') AS ext,
              to_regclass('public.knowledge_embeddings')::text AS tbl`,
    );
    if (!rows[0]?.ext)
      status = { enabled: false, reason: 'Full-text search: the pgvector extension is not installed.' };
    else if (!rows[0].tbl)
      status = { enabled: false, reason: 'Full-text search: pgvector is installed but no embeddings are stored yet.' };
    else status = { enabled: true, reason: `Hybrid search: full text and ${env.AI_EMBEDDING_MODEL} embeddings.` };
  }
  cached = { at: Date.now(), status };
  return status;
}
