import { z } from 'zod';

// Contracts for the webhook inbox: the console's list / detail / replay routes, the public
// endpoint's answer (every source), and the processing job's payload.

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
  // When the sweep retries it; null: nothing scheduled (done, parked until a replay, dead).
  nextAttemptAt: z.string().nullable(),
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

// Bulk replay: every failed and/or dead event matching the filter (at most `limit` per call).
export const replayableStatusSchema = z.enum(['failed', 'dead']);
export const webhookBulkReplayBody = z
  .object({
    statuses: z.array(replayableStatusSchema).min(1).max(2).default(['failed', 'dead']),
    source: z.string().trim().min(1).max(40).optional(),
    // Prefix match, as in the list: "invoice." replays every invoice event.
    type: z.string().trim().min(1).max(100).optional(),
    receivedFrom: z.iso.datetime({ offset: true }).optional(),
    receivedTo: z.iso.datetime({ offset: true }).optional(),
    limit: z.number().int().min(1).max(1000).default(500),
  })
  .strict();
export type WebhookBulkReplayBody = z.infer<typeof webhookBulkReplayBody>;

export const webhookBulkReplayResponse = z.object({
  replayed: z.number().int(),
  ids: z.array(z.string()),
  enqueued: z.number().int(),
  // More rows matched than the limit: call again.
  more: z.boolean(),
});
export type WebhookBulkReplayResponse = z.infer<typeof webhookBulkReplayResponse>;

export const webhookReceiveResponse = z.object({
  received: z.literal(true),
  id: z.string(),
  duplicate: z.boolean(),
  status: inboxStatusSchema,
});
export type WebhookReceiveResponse = z.infer<typeof webhookReceiveResponse>;

export const processWebhookEventPayload = z.object({ inboxId: z.string().min(1).max(100) });
