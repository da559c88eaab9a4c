import { z } from 'zod';

// The knowledge base the support copilot answers from: Markdown documents admins add, plus the
// customer's tickets and invoice explanations, all searched with PostgreSQL full-text search.

export const KNOWLEDGE_CATEGORIES = ['api', 'billing', 'policy', 'general'] as const;

export const knowledgeDocumentBody = z.object({
  title: z.string().trim().min(3).max(200),
  body: z.string().trim().min(1).max(100_000),
  category: z.enum(KNOWLEDGE_CATEGORIES).default('general'),
});

export const knowledgeDocumentView = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  category: z.string(),
  createdById: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type KnowledgeDocumentView = z.infer<typeof knowledgeDocumentView>;

export const knowledgeDocumentList = z.object({ items: z.array(knowledgeDocumentView) });

export const knowledgeSourceType = z.enum(['document', 'ticket', 'invoice_explanation']);

export const knowledgeHit = z.object({
  sourceType: knowledgeSourceType,
  sourceId: z.string(),
  title: z.string(),
  category: z.string(),
  /** ts_rank (full text) or the fused rank of the hybrid search. */
  rank: z.number(),
  /** ts_headline fragment; matched words are wrapped in [[ and ]]. */
  snippet: z.string(),
  at: z.string(),
});
export type KnowledgeHit = z.infer<typeof knowledgeHit>;

export const knowledgeSearchQuery = z.object({
  q: z.string().trim().min(1).max(500),
  customerId: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});

export const knowledgeSearchResponse = z.object({
  mode: z.enum(['full_text', 'hybrid']),
  /** Why vector search is off, when it is. */
  vectorStatus: z.string(),
  items: z.array(knowledgeHit),
});
export type KnowledgeSearchResponse = z.infer<typeof knowledgeSearchResponse>;

/** Highlight markers ts_headline puts around matched words. */
export const HIGHLIGHT_START = '[[';
export const HIGHLIGHT_END = ']]';
export const stripHighlights = (s: string) => s.split(HIGHLIGHT_START).join('').split(HIGHLIGHT_END).join('');
