import { getPool } from '@/lib/db';
import type { KnowledgeHit, KnowledgeSearchResponse } from '@/lib/schemas/knowledge';
import { vectorSearchStatus } from './vector-search-status';

// Full-text search over the knowledge base (admins' documents) and, for the customer in view, its
// tickets and invoice explanations. Each source has a GIN index (see the support-copilot
// migration); the WHERE clauses repeat the indexed expressions exactly so the planner uses them.
// Ranked by ts_rank, with ts_headline snippets whose matched words are wrapped in [[ ]].

const HEADLINE = `'StartSel=[[, StopSel=]], MaxFragments=2, MaxWords=28, MinWords=8, FragmentDelimiter=" … "'`;
const TICKET_VECTOR = `(setweight(to_tsvector('english', coalesce(t.subject, '')), 'A') || setweight(to_tsvector('english', coalesce(t.body, '')), 'D'))`;
const EXPLANATION_VECTOR = `to_tsvector('english', coalesce(e.summary, ''))`;

/**
 * Pure: a question as an OR query — a chat question rarely has every word in one document, so
 * any word matches and ts_rank orders by how many and how well. websearch_to_tsquery never
 * fails on user text; stop words drop out.
 */
export function toOrQuery(text: string): string {
  const words = text
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((w) => w.length >= 2 && w !== 'or');
  return [...new Set(words)].slice(0, 32).join(' or ');
}

interface Row {
  source_type: KnowledgeHit['sourceType'];
  source_id: string;
  title: string;
  category: string;
  rank: number;
  snippet: string;
  at: Date;
}

export async function searchKnowledge(input: {
  q: string;
  /** Tickets and explanations of this customer are searched too; documents always. */
  customerId?: string | null;
  limit?: number;
}): Promise<KnowledgeSearchResponse> {
  const vector = await vectorSearchStatus();
  const query = toOrQuery(input.q);
  if (!query) return { mode: 'full_text', vectorStatus: vector.reason, items: [] };
  const customerId = input.customerId ?? null;
  const { rows } = await getPool().query<Row>(
    `WITH q AS (SELECT websearch_to_tsquery('english', $1) AS query)
     SELECT * FROM (
       SELECT 'document' AS source_type, d.id AS source_id, d.title, d.category,
              ts_rank(d.search, q.query) AS rank,
              ts_headline('english', d.body, q.query, ${HEADLINE}) AS snippet, d.updated_at AS at
         FROM knowledge_documents d, q
        WHERE d.archived_at IS NULL AND d.search @@ q.query
       UNION ALL
       SELECT 'ticket', t.id, t.subject, t.category, ts_rank(${TICKET_VECTOR}, q.query),
              ts_headline('english', t.subject || ' — ' || t.body, q.query, ${HEADLINE}), t.created_at
         FROM support_tickets t, q
        WHERE $2::text IS NOT NULL AND t.customer_id = $2 AND ${TICKET_VECTOR} @@ q.query
       UNION ALL
       SELECT 'invoice_explanation', e.id, 'Invoice ' || coalesce(i.number, i.id), 'invoice',
              ts_rank(${EXPLANATION_VECTOR}, q.query),
              ts_headline('english', e.summary, q.query, ${HEADLINE}), e.created_at
         FROM invoice_explanations e JOIN invoices i ON i.id = e.invoice_id, q
        WHERE $2::text IS NOT NULL AND i.customer_id = $2 AND ${EXPLANATION_VECTOR} @@ q.query
     ) hits
     ORDER BY rank DESC, at DESC
     LIMIT $3`,
    [query, customerId, input.limit ?? 8],
  );
  return {
    // Vector hits would be fused here (reciprocal rank) once embeddings are stored; see vector-search-status.
    mode: 'full_text',
    vectorStatus: vector.reason,
    items: rows.map((r) => ({
      sourceType: r.source_type,
      sourceId: r.source_id,
      title: r.title,
      category: r.category,
      rank: Number(r.rank),
      snippet: r.snippet,
      at: r.at.toISOString(),
    })),
  };
}
