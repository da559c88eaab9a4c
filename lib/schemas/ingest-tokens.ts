import { z } from 'zod';

// A source names the system that sends usage (e.g. "api-gateway", "billing-export"); it is the
// namespace of idempotency keys, so two sources may reuse each other's keys.
export const sourceName = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'Use lower-case letters, digits, dot, dash or underscore')
  .refine((s) => s !== 'entitlement-reserve', 'This source is reserved for entitlement reservations');

export const ingestScope = z.enum(['usage:write', 'entitlements:check']);

export const createIngestTokenBody = z.object({
  name: z.string().trim().min(1).max(120),
  source: sourceName,
  // Least privilege: a meter needs only usage:write, a gateway that only asks needs entitlements:check.
  scopes: z.array(ingestScope).min(1).max(2).default(['usage:write', 'entitlements:check']),
  // Optional end of validity (1–3650 days); omitted: until revoked.
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type CreateIngestTokenInput = z.input<typeof createIngestTokenBody>;

export const ingestTokenView = z.object({
  id: z.string(),
  name: z.string(),
  source: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  scopes: z.array(z.string()),
});
export type IngestTokenView = z.infer<typeof ingestTokenView>;

// The only response that ever contains the secret: the creation answer, shown once.
export const createdIngestToken = ingestTokenView.extend({ secret: z.string() });
export type CreatedIngestToken = z.infer<typeof createdIngestToken>;

export const ingestTokenListResponse = z.object({ items: z.array(ingestTokenView) });

export const ingestStatsQuery = z.object({ days: z.coerce.number().int().min(1).max(90).default(7) });

export const ingestStatRow = z.object({
  source: z.string(),
  accepted: z.number().int(),
  duplicate: z.number().int(),
  rejected: z.number().int(),
  days: z.array(
    z.object({ day: z.string(), accepted: z.number().int(), duplicate: z.number().int(), rejected: z.number().int() }),
  ),
});
export type IngestStatRow = z.infer<typeof ingestStatRow>;

export const ingestStatsResponse = z.object({ from: z.string(), to: z.string(), items: z.array(ingestStatRow) });
export type IngestStatsResponse = z.infer<typeof ingestStatsResponse>;
