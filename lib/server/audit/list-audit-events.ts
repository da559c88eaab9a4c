import type { z } from 'zod';
import { getDb } from '@/lib/db';
import { notFound } from '@/lib/errors';
import type { auditListQuery } from '@/lib/schemas/audit';
import { auditWhere } from './audit-where';
import { nameAuditRefs, type AgentTitles } from './name-audit-refs';

// A page of the trail, newest first, with the names of its actors and customers. `nextBefore`
// is the cursor of the next (older) page, null on the last one: fetching one row more than the
// page says whether there is one without a count over the whole table.
export async function listAuditEvents(query: z.infer<typeof auditListQuery>, agents: AgentTitles = {}) {
  const rows = await getDb().auditEvent.findMany({
    where: auditWhere(query),
    orderBy: { sequence: 'desc' },
    take: query.limit + 1,
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
  const page = rows.slice(0, query.limit);
  const names = await nameAuditRefs(page, agents);
  return {
    items: page.map((r) => ({
      ...r,
      sequence: r.sequence.toString(),
      occurredAt: r.occurredAt.toISOString(),
      actorName: names.actorName(r),
      customerName: names.customerName(r),
    })),
    nextBefore: rows.length > query.limit ? page[page.length - 1]!.sequence.toString() : null,
  };
}

export async function getAuditEvent(sequence: bigint, agents: AgentTitles = {}) {
  const r = await getDb().auditEvent.findUnique({ where: { sequence } });
  if (!r) throw notFound('Audit event');
  const names = await nameAuditRefs([r], agents);
  return {
    ...r,
    sequence: r.sequence.toString(),
    occurredAt: r.occurredAt.toISOString(),
    actorName: names.actorName(r),
    customerName: names.customerName(r),
  };
}
