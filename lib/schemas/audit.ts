import { z } from 'zod';

export const auditEventView = z.object({
  sequence: z.string(),
  occurredAt: z.string(),
  actorType: z.enum(['user', 'agent', 'system']),
  actorId: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  customerId: z.string().nullable(),
  requestId: z.string().nullable(),
  hash: z.string(),
});
export const auditListQuery = z.object({
  actorId: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  customerId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const auditListResponse = z.object({ items: z.array(auditEventView) });
