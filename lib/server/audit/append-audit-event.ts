import type { Tx } from '@/lib/db';
import { GENESIS_HASH, auditHash, type AuditRecord } from './audit-hash';
import { toJsonValue } from './canonical-json';
import { clock } from '@/lib/clock';

export type Actor =
  { type: 'user'; id: string } | { type: 'agent'; id: string; version: string } | { type: 'system'; id?: string };

export interface AuditInput {
  actor: Actor;
  action: string; // e.g. "user.created", "action.approved"
  target: { type: string; id: string };
  customerId?: string | null;
  requestId?: string | null;
  sourceRef?: string | null;
  before?: unknown;
  after?: unknown;
  data?: unknown;
  model?: string | null;
  reasoning?: string | null;
  /** The agent an event is on behalf of when the actor is not the agent itself (the policy, the executor). */
  aiAgentId?: string | null;
}

// Arbitrary constant naming the audit chain's lock.
const AUDIT_LOCK_KEY = 7_311_001;

// Appends one event to the hash chain inside the caller's transaction (convention 5): the audit
// row commits or rolls back with the change it describes. A transaction-scoped advisory lock
// serialises appends so sequence and prev_hash never fork.
export async function appendAuditEvent(tx: Tx, input: AuditInput): Promise<{ sequence: bigint; hash: string }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { sequence: 'desc' }, select: { sequence: true, hash: true } });
  const record: AuditRecord = {
    sequence: (last?.sequence ?? 0n) + 1n,
    // Millisecond precision survives the round trip through timestamp(3).
    occurredAt: new Date(Math.floor(clock.nowMs())),
    actorType: input.actor.type,
    actorId: input.actor.type === 'system' ? (input.actor.id ?? 'system') : input.actor.id,
    agentVersion: input.actor.type === 'agent' ? input.actor.version : null,
    action: input.action,
    targetType: input.target.type,
    targetId: input.target.id,
    customerId: input.customerId ?? null,
    requestId: input.requestId ?? null,
    sourceRef: input.sourceRef ?? null,
    before: toJsonValue(input.before ?? null),
    after: toJsonValue(input.after ?? null),
    data: toJsonValue(input.data ?? null),
    model: input.model ?? null,
    reasoning: input.reasoning ?? null,
    aiAgentId: input.aiAgentId ?? (input.actor.type === 'agent' ? input.actor.id : null),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const hash = auditHash(record);
  const json = (v: unknown) => (v === null ? undefined : (v as object));
  await tx.auditEvent.create({
    data: { ...record, before: json(record.before), after: json(record.after), data: json(record.data), hash },
  });
  return { sequence: record.sequence, hash };
}
