import { z } from 'zod';
import { actionKind } from './actions';

// Earned autonomy: workflows (agent × action kind), their phases, evidence and caps.
export const workflowPhase = z.enum(['observe', 'assist', 'autopilot']);
const count = z.number().int().min(0).max(1_000_000).nullable();
const minor = z.number().int().min(0).max(100_000_000).nullable();

export const workflowCaps = z.object({
  maxCountPerCustomerDay: count,
  maxCountPerCustomerMonth: count,
  maxAmountPerCustomerDay: minor,
  dailyCeilingCount: count,
  dailyCeilingAmount: minor,
});

const promotionCheck = z.object({
  key: z.enum(['assist_days', 'drafts', 'unedited', 'reversals']),
  label: z.string(),
  ok: z.boolean(),
  actual: z.number(),
  required: z.number(),
});

export const workflowMetrics = z.object({
  windowDays: z.number(),
  drafts: z.number(),
  approvedUnedited: z.number(),
  approvedEdited: z.number(),
  rejected: z.number(),
  expired: z.number(),
  pending: z.number(),
  autoApproved: z.number(),
  uneditedPercent: z.number().nullable(),
  editDelta: z.object({ averagePercent: z.number().nullable(), maxPercent: z.number().nullable() }),
  rejectionReasons: z.array(z.object({ reason: z.string(), count: z.number() })),
  reversals: z.number(),
  daysInAssist: z.number(),
  shadow: z.object({
    observed: z.number(),
    wouldAutoApprove: z.number(),
    approvedUnedited: z.number(),
    approvedEdited: z.number(),
    rejected: z.number(),
    expired: z.number(),
    undecided: z.number(),
    noEquivalent: z.number(),
  }),
  weekly: z.array(
    z.object({
      week: z.string(),
      unedited: z.number(),
      edited: z.number(),
      rejected: z.number(),
      expired: z.number(),
      auto: z.number(),
    }),
  ),
  promotion: z.object({ eligible: z.boolean(), checks: z.array(promotionCheck) }),
});

export const workflowView = z.object({
  id: z.string(),
  agentId: z.string(),
  agentTitle: z.string(),
  actionKind,
  phase: workflowPhase,
  phaseSince: z.string(),
  scope: z.object({
    status: z.enum(['scoped', 'unknown']),
    actionKinds: z.array(z.string()),
    endpoints: z.array(z.string()),
  }),
  caps: workflowCaps,
  metrics: workflowMetrics,
  history: z.array(
    z.object({
      fromPhase: workflowPhase.nullable(),
      toPhase: workflowPhase,
      effectiveAt: z.string(),
      cause: z.string(),
      actorId: z.string(),
      reason: z.string().nullable(),
      approvedById: z.string().nullable(),
    }),
  ),
  pendingOverride: z
    .object({ id: z.string(), requestedById: z.string(), reason: z.string(), createdAt: z.string() })
    .nullable(),
});
export type WorkflowView = z.infer<typeof workflowView>;
export const workflowListResponse = z.object({ items: z.array(workflowView) });

export const setWorkflowPhaseBody = z.object({
  phase: workflowPhase,
  reason: z.string().trim().max(2000).optional(),
});
export const setWorkflowPhaseResponse = z.object({ id: z.string(), phase: workflowPhase, phaseSince: z.string() });
export const overrideRequestBody = z.object({
  reason: z.string().trim().min(20, 'Write why (at least 20 characters): a second admin reads it').max(2000),
});
export const overrideDecisionBody = z.object({
  decision: z.enum(['approved', 'rejected']),
  note: z.string().trim().max(2000).optional(),
});
export const overrideResponse = z.object({ id: z.string(), status: z.string() });
export const updateWorkflowCapsBody = workflowCaps
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'Nothing to change');
export type UpdateWorkflowCapsInput = z.infer<typeof updateWorkflowCapsBody>;
export const workflowCapsResponse = z.object({ id: z.string(), caps: workflowCaps });
export const reversalBody = z.object({ reason: z.string().trim().min(5).max(2000) });
export const reversalResponse = z.object({ id: z.string(), reversedAt: z.string(), workflowDemoted: z.boolean() });
