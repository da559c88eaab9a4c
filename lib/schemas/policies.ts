import { z } from 'zod';
import { actionKind } from './actions';
import { roleSchema } from './users';

export const policyView = z.object({
  actionKind,
  mode: z.enum(['off', 'observe', 'assist', 'autopilot']),
  maxAmountPerAction: z.number().int().nullable(),
  maxAmountPerCustomerMonth: z.number().int().nullable(),
  dualApprovalAbove: z.number().int().nullable(),
  reviewWindowHours: z.number().int(),
  approverRoles: z.array(roleSchema),
  settings: z.record(z.string(), z.unknown()),
  updatedAt: z.string(),
});
export const policyListResponse = z.object({ items: z.array(policyView) });

const optionalMinor = z.number().int().min(0).max(100_000_000).nullable();

export const updatePolicyBody = z
  .object({
    mode: z.enum(['off', 'observe', 'assist', 'autopilot']),
    maxAmountPerAction: optionalMinor,
    maxAmountPerCustomerMonth: optionalMinor,
    dualApprovalAbove: optionalMinor,
    reviewWindowHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30),
    approverRoles: z.array(z.enum(['admin', 'revops'])).min(1, 'At least one role must be able to approve'),
    settings: z.record(z.string(), z.unknown()),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'Nothing to change');
export type UpdatePolicyInput = z.infer<typeof updatePolicyBody>;
export const policyKindParams = z.object({ kind: actionKind });
