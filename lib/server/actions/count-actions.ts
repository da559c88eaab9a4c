import { getDb } from '@/lib/db';
import type { ActionListQuery } from '@/lib/schemas/actions';
import { actionListWhere, statusWhere } from './action-list-where';

// The numbers beside the queue's filter options: how many actions each status group holds for the
// chosen kind (and agent, customer, search), and how many each kind holds in the chosen status.
export async function countActions(query: ActionListQuery) {
  const db = getDb();
  const others = actionListWhere(query, { status: true });
  const [open, done, failed, kinds] = await Promise.all([
    db.action.count({ where: { AND: [others, statusWhere('open')] } }),
    db.action.count({ where: { AND: [others, statusWhere('done')] } }),
    db.action.count({ where: { AND: [others, statusWhere('failed')] } }),
    db.action.groupBy({ by: ['kind'], where: actionListWhere(query, { kind: true }), _count: { _all: true } }),
  ]);
  return {
    byStatus: { open, done, failed },
    byKind: Object.fromEntries(kinds.map((k) => [k.kind, k._count._all])),
  };
}
