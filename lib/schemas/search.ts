import { z } from 'zod';

// GET /api/v1/search?q= — the command palette's lookup: customers by name, e-mail, id or billing
// id; invoices by number or id; actions by title or id; audit events by sequence or target id.
export const searchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL bytes'),
});

export const searchHit = z.object({
  type: z.enum(['customer', 'invoice', 'action', 'audit_event']),
  id: z.string(),
  title: z.string(),
  subtitle: z.string(),
  href: z.string(),
});
export type SearchHit = z.infer<typeof searchHit>;

export const searchResponse = z.object({ items: z.array(searchHit) });
