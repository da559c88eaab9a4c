import type { Prisma } from '@/generated/prisma/client';
import type { ActionListQuery } from '@/lib/schemas/actions';
import { clock } from '@/lib/clock';

const OPEN = ['proposed', 'pending_approval'] as const;

/** The Prisma filter for a status group of the queue: "open", "done" or one status. */
export function statusWhere(status: ActionListQuery['status']): Prisma.ActionWhereInput['status'] {
  if (status === 'open') return { in: [...OPEN] };
  if (status === 'done') return { notIn: [...OPEN] };
  return status;
}

// The queue's filters as one `where`; the counts leave out the filter they count by.
export function actionListWhere(
  query: ActionListQuery,
  omit: { status?: boolean; kind?: boolean } = {},
): Prisma.ActionWhereInput {
  const q = query.q?.trim();
  return {
    ...(omit.status ? {} : { status: statusWhere(query.status) }),
    ...(query.kind && !omit.kind ? { kind: query.kind } : {}),
    ...(query.customerId ? { customerId: query.customerId } : {}),
    ...(query.agentId ? { agentRun: { agentId: query.agentId } } : {}),
    ...(query.minAgeHours !== undefined
      ? { createdAt: { lte: new Date(clock.nowMs() - query.minAgeHours * 3_600_000) } }
      : {}),
    ...(q
      ? {
          OR: [
            { title: { contains: q, mode: 'insensitive' } },
            { customer: { name: { contains: q, mode: 'insensitive' } } },
            { id: q },
          ],
        }
      : {}),
  };
}
