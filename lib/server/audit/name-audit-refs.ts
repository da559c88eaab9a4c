import { getDb } from '@/lib/db';

type ActorType = 'user' | 'agent' | 'system';
export interface AuditRef {
  actorType: ActorType;
  actorId: string;
  customerId: string | null;
}

export const actorKey = (type: ActorType, id: string) => `${type}:${id}`;

/** Agent id → title. The caller passes the registry's (agents write audit events, so the audit
 * folder cannot import them without a cycle). */
export type AgentTitles = Readonly<Record<string, string>>;

// The names a reader needs beside the ids an audit event stores: a person's name, an agent's
// title, the customer's name. Ids stay in the record (it is hashed as written); a deleted user or
// customer keeps its id and gets no name.
export async function nameAuditRefs(refs: readonly AuditRef[], agents: AgentTitles) {
  const userIds = [...new Set(refs.filter((r) => r.actorType === 'user').map((r) => r.actorId))];
  const customerIds = [...new Set(refs.flatMap((r) => (r.customerId ? [r.customerId] : [])))];
  const [users, customers] = await Promise.all([
    userIds.length ? getDb().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
    customerIds.length
      ? getDb().customer.findMany({ where: { id: { in: customerIds } }, select: { id: true, name: true } })
      : [],
  ]);
  const actors = new Map<string, string>();
  for (const u of users) actors.set(actorKey('user', u.id), u.name);
  for (const r of refs) {
    if (r.actorType === 'agent') actors.set(actorKey('agent', r.actorId), agents[r.actorId] ?? r.actorId);
    if (r.actorType === 'system')
      actors.set(actorKey('system', r.actorId), r.actorId === 'system' ? 'System' : `System (${r.actorId})`);
  }
  const customerNames = new Map(customers.map((c) => [c.id, c.name]));
  return {
    actorName: (r: AuditRef) => actors.get(actorKey(r.actorType, r.actorId)) ?? null,
    customerName: (r: AuditRef) => (r.customerId ? (customerNames.get(r.customerId) ?? null) : null),
  };
}
