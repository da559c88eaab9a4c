import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRecord {
  sequence: bigint;
  occurredAt: Date;
  actorType: 'user' | 'agent' | 'system';
  actorId: string;
  agentVersion: string | null;
  action: string;
  targetType: string;
  targetId: string;
  customerId: string | null;
  requestId: string | null;
  sourceRef: string | null;
  before: unknown;
  after: unknown;
  data: unknown;
  model: string | null;
  reasoning: string | null;
  /** The agent principal the event is on behalf of; hashed only when set, so older rows verify unchanged. */
  aiAgentId?: string | null;
  prevHash: string;
}

// hash = sha256(prevHash ‖ canonical JSON of every other field). Changing any field of any row,
// or removing a row, breaks the chain from that row on.
export function auditHash(record: AuditRecord): string {
  const { prevHash, aiAgentId, ...rest } = record;
  return createHash('sha256')
    .update(prevHash)
    .update(canonicalJson({ ...rest, sequence: rest.sequence.toString(), ...(aiAgentId ? { aiAgentId } : {}) }))
    .digest('hex');
}
