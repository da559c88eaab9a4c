import { z } from 'zod';

export const auditEventView = z.object({
  sequence: z.string(),
  occurredAt: z.string(),
  actorType: z.enum(['user', 'agent', 'system']),
  actorId: z.string(),
  /** The person's name or the agent's title; null when the user no longer exists. */
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  requestId: z.string().nullable(),
  hash: z.string(),
});
export const auditListQuery = z.object({
  actorId: z.string().max(100).optional(),
  // Events by one agent (actor id of agent actors).
  agentId: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  customerId: z.string().max(100).optional(),
  targetId: z.string().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  // Page backwards: events with a smaller sequence.
  before: z.coerce.bigint().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const auditEventDetail = auditEventView.extend({
  agentVersion: z.string().nullable(),
  sourceRef: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  data: z.unknown(),
  model: z.string().nullable(),
  reasoning: z.string().nullable(),
  prevHash: z.string(),
});
export const auditSequenceParams = z.object({ sequence: z.coerce.bigint().positive() });
export const chainVerdict = z.union([
  z.object({ ok: z.literal(true), rows: z.number().int(), lastHash: z.string() }),
  z.object({ ok: z.literal(false), rows: z.number().int(), brokenAt: z.string(), reason: z.string() }),
]);
export const auditListResponse = z.object({
  items: z.array(auditEventView),
  /** Pass as `before` for the next, older page; null when this is the last one. */
  nextBefore: z.string().nullable(),
});

/** What the audit page's filters offer: every person, every agent, and the recent action names. */
export const auditFacets = z.object({
  actors: z.array(z.object({ actorType: z.enum(['user', 'agent', 'system']), actorId: z.string(), name: z.string() })),
  actions: z.array(z.string()),
});
