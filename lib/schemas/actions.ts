import { z } from 'zod';

export const actionKind = z.enum(['plan_change', 'credit', 'dunning_step', 'email', 'crm_task', 'slack_post']);
export const actionStatus = z.enum(['proposed', 'pending_approval', 'approved', 'executing', 'executed', 'failed', 'unknown', 'rejected', 'expired', 'cancelled']);

export const actionSummary = z.object({
  id: z.string(),
  kind: actionKind,
  status: actionStatus,
  title: z.string(),
  customer: z.object({ id: z.string(), name: z.string() }).nullable(),
  agentId: z.string().nullable(),
  amountMinor: z.number().int().nullable(),
  currency: z.string().nullable(),
  currentRevision: z.number().int(),
  reviewDeadline: z.string().nullable(),
  createdAt: z.string(),
});
export const actionListQuery = z.object({
  status: actionStatus.optional(),
  kind: actionKind.optional(),
  customerId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export const actionListResponse = z.object({ items: z.array(actionSummary) });
