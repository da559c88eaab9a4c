import type { z } from 'zod';
import type { auditListQuery } from '@/lib/schemas/audit';

// The filters of the audit page, shared by the list and the CSV export.
export function auditWhere(q: z.infer<typeof auditListQuery>) {
  const occurredAt =
    q.from || q.to
      ? {
          ...(q.from ? { gte: new Date(`${q.from}T00:00:00Z`) } : {}),
          ...(q.to ? { lt: new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
        }
      : undefined;
  return {
    ...(q.actorId ? { actorId: q.actorId } : {}),
    ...(q.agentId ? { actorType: 'agent' as const, actorId: q.agentId } : {}),
    ...(q.action ? { action: { startsWith: q.action } } : {}),
    ...(q.customerId ? { customerId: q.customerId } : {}),
    ...(q.targetId ? { targetId: q.targetId } : {}),
    ...(occurredAt ? { occurredAt } : {}),
    ...(q.before ? { sequence: { lt: q.before } } : {}),
  };
}
