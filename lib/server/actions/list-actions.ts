import type { Prisma } from '@/generated/prisma/client';
import { getDb } from '@/lib/db';
import { ACTION_KIND_NAMES, movesMoney } from '@/lib/schemas/action-kinds';
import type { ActionListQuery, ActionSort } from '@/lib/schemas/actions';
import { actionListWhere } from './action-list-where';

const SELECT = {
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
} satisfies Prisma.ActionSelect;

const ORDER: Record<Exclude<ActionSort, 'risk'>, Prisma.ActionOrderByWithRelationInput[]> = {
  oldest: [{ createdAt: 'asc' }, { id: 'asc' }],
  newest: [{ createdAt: 'desc' }, { id: 'asc' }],
  amount: [{ amountMinor: { sort: 'desc', nulls: 'last' } }, { createdAt: 'asc' }, { id: 'asc' }],
  deadline: [{ reviewDeadline: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }, { id: 'asc' }],
};
const MONEY_KINDS = ACTION_KIND_NAMES.filter(movesMoney);
const OTHER_KINDS = ACTION_KIND_NAMES.filter((k) => !movesMoney(k));

export async function listActions(query: ActionListQuery) {
  const db = getDb();
  const where = actionListWhere(query);
  // Open work oldest first (it expires first); history newest first.
  const sort = query.sort ?? (query.status === 'open' ? 'oldest' : 'newest');
  const find = (w: Prisma.ActionWhereInput, orderBy: Prisma.ActionOrderByWithRelationInput[], take: number) =>
    take > 0 ? db.action.findMany({ where: w, orderBy, take, select: SELECT }) : Promise.resolve([]);
  let rows;
  if (sort === 'risk') {
    // Risk is the kind's class, then the amount: what moves money comes first, largest first. Two
    // ordered reads keep the limit exact without a SQL CASE over kind names.
    const money = await find({ AND: [where, { kind: { in: MONEY_KINDS } }] }, ORDER.amount, query.limit);
    const rest = await find({ AND: [where, { kind: { in: OTHER_KINDS } }] }, ORDER.oldest, query.limit - money.length);
    rows = [...money, ...rest];
  } else {
    rows = await find(where, ORDER[sort], query.limit);
  }
  return rows.map(({ agentRun, ...r }) => ({
    ...r,
    agentId: agentRun?.agentId ?? null,
    reviewDeadline: r.reviewDeadline?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}
