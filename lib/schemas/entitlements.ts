import { z } from 'zod';
import { keyHash } from './customer-keys';

// POST /api/v1/entitlements/check — asked by gateways (ingest-token auth) before serving a call.
const ref = z
  .string()
  .min(1)
  .max(255)
  .refine((s) => !s.includes('\u0000'), 'must not contain NUL bytes');

export const entitlementCheckBody = z
  .object({
    apiKey: ref.optional(),
    // The key's sha256, for gateways that keep only hashes (a registered key, see /customer-keys).
    apiKeyHash: keyHash.optional(),
    customerId: ref.optional(),
    externalCustomerId: ref.optional(),
    meter: ref,
    // Units this call would consume; 1 when omitted (one request).
    quantity: z.number().finite().min(0).max(Number.MAX_SAFE_INTEGER).default(1),
    // Atomically verify and record the consumption (needs idempotencyKey).
    reserve: z.boolean().default(false),
    idempotencyKey: ref.optional(),
  })
  .refine(
    (b) => [b.apiKey, b.apiKeyHash, b.customerId, b.externalCustomerId].filter((v) => v !== undefined).length === 1,
    {
      message: 'Send exactly one of apiKey, apiKeyHash, customerId, externalCustomerId',
      path: ['customerId'],
    },
  )
  .refine((b) => !b.reserve || b.idempotencyKey !== undefined, {
    message: 'reserve needs an idempotencyKey',
    path: ['idempotencyKey'],
  });
export type EntitlementCheckInput = z.infer<typeof entitlementCheckBody>;

export const ENTITLEMENT_REASONS = [
  'within_limit',
  'overage',
  'limit_exceeded',
  'no_subscription',
  'not_in_plan',
  'unknown_customer',
  'unknown_meter',
  'fail_open',
  'fail_closed',
  // Dunning grace (see lib/server/entitlements/decide-past-due.ts).
  'past_due_soft_limit',
  'past_due',
] as const;
export type EntitlementReason = (typeof ENTITLEMENT_REASONS)[number];

export const entitlementAnswer = z.object({
  allowed: z.boolean(),
  reason: z.enum(ENTITLEMENT_REASONS),
  limit: z.number().nullable(),
  remaining: z.number().nullable(),
  used: z.number().nullable(),
  resetsAt: z.string().nullable(),
  // Only while the subscription is past due: where the customer is in the plan's dunning grace.
  pastDue: z
    .object({
      phase: z.enum(['grace', 'soft_limit', 'refused']),
      since: z.string(),
      softLimitFrom: z.string(),
      refuseFrom: z.string(),
    })
    .optional(),
  // Only for reserve: recorded now, already recorded under this key, or not recorded (refused / fail mode).
  reservation: z.enum(['recorded', 'duplicate', 'not_recorded']).optional(),
});
export type EntitlementAnswer = z.infer<typeof entitlementAnswer>;
export type PastDuePhase = 'grace' | 'soft_limit' | 'refused';
