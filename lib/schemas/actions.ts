import { z } from 'zod';
import { actionKind } from './action-kinds';

export { actionKind };
export const actionStatus = z.enum([
  'proposed',
  'pending_approval',
  'approved',
  'executing',
  'executed',
  'scheduled',
  'failed',
  'unknown',
  'rejected',
  'expired',
  'cancelled',
]);

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
// How the queue orders: oldest first (open work expires first; the default for open), newest first
// (the default otherwise), largest amount first, nearest review deadline first, or riskiest first
// (money-moving kinds before messages and tasks, each by amount).
export const actionSort = z.enum(['oldest', 'newest', 'amount', 'deadline', 'risk']);
export type ActionSort = z.infer<typeof actionSort>;
export const actionListStatus = z.union([actionStatus, z.enum(['open', 'done'])]);
export const actionListQuery = z.object({
  // A status, or "open" (default: waiting for people) or "done" (every decided or executed action);
  // "failed" is the failed-executions inbox: failed actions and executed ones whose message failed.
  status: actionListStatus.default('open'),
  kind: actionKind.optional(),
  customerId: z.string().max(100).optional(),
  agentId: z.string().max(100).optional(),
  // Only actions waiting at least this long.
  minAgeHours: z.coerce
    .number()
    .min(0)
    .max(24 * 365)
    .optional(),
  // Words of the title or the customer's name (case-insensitive).
  q: z.string().trim().max(200).optional(),
  sort: actionSort.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export type ActionListQuery = z.infer<typeof actionListQuery>;
// How many actions each filter option would show, the other filters applied: per status group
// (open, done, failed executions) for the chosen kind, and per kind for the chosen status.
export const actionCounts = z.object({
  byStatus: z.object({ open: z.number().int(), done: z.number().int(), failed: z.number().int() }),
  byKind: z.record(z.string(), z.number().int()),
});
export const actionListResponse = z.object({ items: z.array(actionSummary), counts: actionCounts });

export const actionDetail = actionSummary.extend({
  executedAt: z.string().nullable(),
  autoApproved: z.boolean(),
  executionKey: z.string().nullable(),
  result: z.unknown(),
  error: z.string().nullable(),
  description: z.object({ headline: z.string(), before: z.string().nullable(), after: z.string().nullable() }),
  revisions: z.array(
    z.object({
      revision: z.number().int(),
      payload: z.unknown(),
      editedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
      note: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  approvals: z.array(
    z.object({
      revision: z.number().int(),
      user: z.object({ id: z.string(), name: z.string() }),
      decision: z.enum(['approved', 'rejected']),
      reason: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  policy: z.object({
    mode: z.string(),
    approverRoles: z.array(z.string()),
    dualApproval: z.boolean(),
    approvalsNeeded: z.number().int(),
    canDecide: z.boolean(),
    canEdit: z.boolean(),
    // The policy's amounts (minor units, the console's currency), shown beside amount inputs and
    // used to ask for confirmation before approving a large amount.
    maxAmountPerAction: z.number().int().nullable(),
    dualApprovalAbove: z.number().int().nullable(),
  }),
  agentRun: z
    .object({
      id: z.string(),
      agentId: z.string(),
      agentVersion: z.string(),
      reasoning: z.string(),
      inputs: z.unknown(),
      outputs: z.unknown(),
      trigger: z.unknown(),
      sourceRef: z.string().nullable(),
      modelProvider: z.string().nullable(),
      modelId: z.string().nullable(),
      promptVersion: z.string().nullable(),
      startedAt: z.string(),
    })
    .nullable(),
  outbox: z.array(
    z.object({
      channel: z.string(),
      status: z.string(),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      destination: z.string(),
    }),
  ),
});
export type ActionDetail = z.infer<typeof actionDetail>;

export const proposeActionBody = z.object({
  kind: actionKind,
  customerId: z.string().min(1).max(100).nullable(),
  title: z.string().trim().min(1).max(300),
  payload: z.record(z.string(), z.unknown()),
});
export const proposeActionResponse = z.object({
  outcome: z.enum(['suppressed', 'observed', 'drafted', 'auto_approved', 'refused']),
  actionId: z.string().nullable(),
  reason: z.string(),
});
export const editActionResponse = z.object({ id: z.string(), revision: z.number().int() });
export const editActionBody = z.object({
  expectedRevision: z.number().int().min(1),
  payload: z.record(z.string(), z.unknown()),
  title: z.string().trim().min(1).max(300).optional(),
  note: z.string().max(2000).optional(),
});
export const approveActionBody = z.object({
  revision: z.number().int().min(1),
  reason: z.string().max(2000).optional(),
});
export const rejectActionBody = z.object({
  revision: z.number().int().min(1),
  reason: z.string().trim().min(1, 'Say why you reject it').max(2000),
});
export const cancelActionBody = z.object({ reason: z.string().max(2000).optional() });
export const bulkApproveBody = z.object({
  items: z
    .array(z.object({ id: z.string().min(1), revision: z.number().int().min(1) }))
    .min(1)
    .max(100),
});
export const decisionResult = z.object({
  id: z.string(),
  status: z.string(),
  approvalsNeeded: z.number().int(),
  approvals: z.number().int(),
});
