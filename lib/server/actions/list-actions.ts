import type { z } from 'zod';
import { getDb } from '@/lib/db';
import type { actionListQuery } from '@/lib/schemas/actions';
import { clock } from '@/lib/clock';

export async function listActions(query: z.infer<typeof actionListQuery>) {
  const rows = await getDb().action.findMany({
    where: {
      status:
        query.status === 'open'
          ? { in: ['proposed', 'pending_approval'] }
          : query.status === 'done'
            ? { notIn: ['proposed', 'pending_approval'] }
            : query.status,
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.customerId ? { customerId: query.customerId } : {}),
      ...(query.agentId ? { agentRun: { agentId: query.agentId } } : {}),
      ...(query.minAgeHours !== undefined
        ? { createdAt: { lte: new Date(clock.nowMs() - query.minAgeHours * 3_600_000) } }
        : {}),
    },
    // Open work oldest first (it expires first); history newest first.
    orderBy: { createdAt: query.status === 'open' ? 'asc' : 'desc' },
    take: query.limit,
    select: {
      id: true,
      kind: true,
      status: true,
      title: true,
      amountMinor: true,
      currency: true,
      currentRevision: true,
      reviewDeadline: true,
      createdAt: true,
      customer: { select: { id: true, name: true } },
      agentRun: { select: { agentId: true } },
    },
  });
  return rows.map(({ agentRun, ...r }) => ({
    ...r,
    agentId: agentRun?.agentId ?? null,
    reviewDeadline: r.reviewDeadline?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}
