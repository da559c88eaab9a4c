import { z } from 'zod';

export const startStripeImportBody = z.object({
  /** How far back invoices, payments, credit notes and disputes are read. */
  months: z.number().int().min(1).max(120).default(12),
});
export type StartStripeImportInput = z.infer<typeof startStripeImportBody>;

export const stripeImportStepView = z.object({
  type: z.string(),
  label: z.string(),
  status: z.enum(['pending', 'running', 'done']),
  done: z.number().int(),
  total: z.number().int().nullable(),
  errors: z.number().int(),
  /** Objects per second since the step started. */
  ratePerSecond: z.number().nullable(),
  etaSeconds: z.number().nullable(),
});

export const stripeImportErrorView = z.object({
  objectType: z.string(),
  objectId: z.string(),
  message: z.string(),
  at: z.string(),
});

export const stripeImportView = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  sinceMonths: z.number().int(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  /** A running import whose worker stopped reporting: it resumes from its checkpoint. */
  stalled: z.boolean(),
  steps: z.array(stripeImportStepView),
  recentErrors: z.array(stripeImportErrorView),
});
export type StripeImportView = z.infer<typeof stripeImportView>;

export const latestStripeImportResponse = z.object({ run: stripeImportView.nullable() });
export const stripeImportParams = z.object({ id: z.string().min(1).max(64) });
