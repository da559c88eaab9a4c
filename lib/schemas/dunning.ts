import { z } from 'zod';

// GET /api/v1/customers/:id/dunning — the customer's dunning timeline and past-due grace.

const factor = z.object({ feature: z.string(), value: z.number(), contribution: z.number() });

export const dunningDecision = z.object({
  runId: z.string(),
  at: z.string(),
  trigger: z.string(),
  step: z.string(),
  declineClass: z.string().nullable(),
  declineCode: z.string().nullable(),
  probability: z.number().nullable(),
  retryAt: z.string().nullable(),
  extendGrace: z.boolean(),
  why: z.array(z.string()),
  factors: z.array(factor),
  modelVersion: z.string().nullable(),
  actions: z.array(z.object({ id: z.string(), kind: z.string(), title: z.string(), status: z.string() })),
});

export const dunningEpisode = z.object({
  invoiceId: z.string(),
  invoiceNumber: z.string().nullable(),
  status: z.string(),
  amountRemaining: z.number().int(),
  currency: z.string(),
  failures: z.array(z.object({ at: z.string(), code: z.string().nullable(), message: z.string().nullable() })),
  decisions: z.array(dunningDecision),
  outcome: z.enum(['open', 'recovered', 'closed']),
});

export const pastDueGraceView = z.object({
  planName: z.string(),
  allowDays: z.number().int(),
  refuseAfterDays: z.number().int(),
  isDefault: z.boolean(),
  // Set while the subscription is past due.
  current: z
    .object({
      phase: z.enum(['grace', 'soft_limit', 'refused']),
      since: z.string(),
      softLimitFrom: z.string(),
      refuseFrom: z.string(),
    })
    .nullable(),
});

export const dunningTimeline = z.object({
  grace: pastDueGraceView.nullable(),
  episodes: z.array(dunningEpisode),
});
export type DunningTimeline = z.infer<typeof dunningTimeline>;
export type DunningEpisodeView = z.infer<typeof dunningEpisode>;
