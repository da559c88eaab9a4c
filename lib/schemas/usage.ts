import { z } from 'zod';

// The usage ingest contract (POST /api/v1/usage). Events are validated by hand in
// lib/server/ingest/normalize-usage-event.ts, because every rule must answer with its own exact
// error code per event; these schemas describe the responses (and type them for clients/tests).

export const USAGE_LIMITS = {
  maxBatchEvents: 1000,
  maxIdempotencyKeyLength: 255,
  maxRefLength: 255,
  maxPropertiesBytes: 8192, // serialized JSON, UTF-8
  maxPropertiesDepth: 5, // { a: { b: { c: { d: { e: 1 } } } } } is depth 5
  maxAgeMs: 35 * 24 * 3_600_000, // duplicates are detected for at least this long
  maxFutureMs: 5 * 60_000, // clock skew allowed for producers
} as const;

export const USAGE_CONTENT_TYPES = [
  'application/json',
  'application/cloudevents+json',
  'application/cloudevents-batch+json',
];

export const eventError = z.object({ code: z.string(), message: z.string() });
export type EventError = z.infer<typeof eventError>;

export const eventVerdict = z.object({
  index: z.number().int(),
  idempotencyKey: z.string().nullable(),
  status: z.enum(['accepted', 'duplicate', 'conflict', 'rejected']),
  error: eventError.optional(),
});
export type EventVerdict = z.infer<typeof eventVerdict>;

// Batch: 200 when at least one event is stored (accepted or duplicate), else 422 with the same
// counts and results beside the error envelope.
export const usageBatchResponse = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  conflicts: z.number().int(),
  rejected: z.number().int(),
  results: z.array(eventVerdict),
});
export type UsageBatchResponse = z.infer<typeof usageBatchResponse>;
