import type { z } from 'zod';
import { getDb } from '@/lib/db';
import type { auditListQuery } from '@/lib/schemas/audit';

export async function listAuditEvents(query: z.infer<typeof auditListQuery>) {
  const rows = await getDb().auditEvent.findMany({
    where: {
      ...(query.actorId ? { actorId: query.actorId } : {}),
      ...(query.action ? { action: { startsWith: query.action } } : {}),
      ...(query.customerId ? { customerId: query.customerId } : {}),
    },
    orderBy: { sequence: 'desc' },
    take: query.limit,
    select: { sequence: true, occurredAt: true, actorType: true, actorId: true, action: true, targetType: true, targetId: true, customerId: true, requestId: true, hash: true },
  });
  return rows.map((r) => ({ ...r, sequence: r.sequence.toString(), occurredAt: r.occurredAt.toISOString() }));
}
