import { z } from 'zod';

// Contracts for the webhook inbox: the console's list / detail / replay routes, the public
// Stripe endpoint's answer, and the processing job's payload.

export const inboxStatusSchema = z.enum(['received', 'processing', 'processed', 'ignored', 'failed', 'dead']);
export type InboxStatus = z.infer<typeof inboxStatusSchema>;

export const webhookListQuery = z.object({
  status: inboxStatusSchema.optional(),
  // Prefix match: "invoice." lists every invoice event.
  type: z.string().trim().max(100).optional(),
  source: z.string().trim().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type WebhookListQuery = z.infer<typeof webhookListQuery>;

export const webhookEventView = z.object({
  id: z.string(),
  source: z.string(),
  eventId: z.string(),
  type: z.string(),
  apiVersion: z.string().nullable(),
  livemode: z.boolean(),
  status: inboxStatusSchema,
  attempts: z.number().int(),
  // The last failure, or a note on a processed event (e.g. skipped because stored state is newer).
  lastError: z.string().nullable(),
  eventCreatedAt: z.string().nullable(),
  receivedAt: z.string(),
  // When the last attempt finished, whatever its outcome (processed, ignored, failed, dead).
  processedAt: z.string().nullable(),
});
export type WebhookEventView = z.infer<typeof webhookEventView>;

export const webhookListResponse = z.object({
  items: z.array(webhookEventView),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type WebhookListResponse = z.infer<typeof webhookListResponse>;

export const webhookEventDetail = webhookEventView.extend({ payload: z.unknown() });
export type WebhookEventDetail = z.infer<typeof webhookEventDetail>;

export const webhookReplayResponse = z.object({
  id: z.string(),
  status: inboxStatusSchema,
  enqueued: z.boolean(),
});
export type WebhookReplayResponse = z.infer<typeof webhookReplayResponse>;

export const stripeWebhookResponse = z.object({
  received: z.literal(true),
  id: z.string(),
  duplicate: z.boolean(),
  status: inboxStatusSchema,
});
export type StripeWebhookResponse = z.infer<typeof stripeWebhookResponse>;

export const processWebhookEventPayload = z.object({ inboxId: z.string().min(1).max(100) });
