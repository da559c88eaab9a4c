import type { Prisma } from '@/generated/prisma/client';
import type { ActionListQuery } from '@/lib/schemas/actions';
import { clock } from '@/lib/clock';

const OPEN = ['proposed', 'pending_approval'] as const;

/**
 * The Prisma filter for a status group of the queue: "open", "done", one status — or "failed",
 * the failed-executions inbox: an action whose execution failed, or one executed by queueing a
 * message (Slack, CRM, e-mail) whose delivery failed or was given up. Either way the approver's
 * decision did not take effect, which is what the reviewer needs to hear.
 */
export function statusWhere(status: ActionListQuery['status']): Prisma.ActionWhereInput {
  if (status === 'open') return { status: { in: [...OPEN] } };
  if (status === 'done') return { status: { notIn: [...OPEN] } };
  if (status === 'failed')
    return {
      OR: [{ status: 'failed' }, { status: 'executed', outbox: { some: { status: { in: ['failed', 'dead'] } } } }],
    };
  return { status };
}

// The queue's filters as one `where`; the counts leave out the filter they count by.
export function actionListWhere(
  query: ActionListQuery,
  omit: { status?: boolean; kind?: boolean } = {},
): Prisma.ActionWhereInput {
  const q = query.q?.trim();
  const filters: Prisma.ActionWhereInput = {
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
  // The status group may itself be an OR (failed executions): combine, never overwrite.
  return omit.status ? filters : { AND: [filters, statusWhere(query.status)] };
}
