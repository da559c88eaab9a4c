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
