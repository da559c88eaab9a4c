import type { z } from 'zod';
import { getDb } from '@/lib/db';
import { notFound } from '@/lib/errors';
import type { auditListQuery } from '@/lib/schemas/audit';
import { auditWhere } from './audit-where';

export async function listAuditEvents(query: z.infer<typeof auditListQuery>) {
  const rows = await getDb().auditEvent.findMany({
    where: auditWhere(query),
    orderBy: { sequence: 'desc' },
    take: query.limit,
    select: {
      sequence: true,
      occurredAt: true,
      actorType: true,
      actorId: true,
      action: true,
      targetType: true,
      targetId: true,
      customerId: true,
      requestId: true,
      hash: true,
    },
  });
  return rows.map((r) => ({ ...r, sequence: r.sequence.toString(), occurredAt: r.occurredAt.toISOString() }));
}

export async function getAuditEvent(sequence: bigint) {
  const r = await getDb().auditEvent.findUnique({ where: { sequence } });
  if (!r) throw notFound('Audit event');
  return { ...r, sequence: r.sequence.toString(), occurredAt: r.occurredAt.toISOString() };
}
