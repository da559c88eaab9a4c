import type { z } from 'zod';
import { getDb, getPool } from '@/lib/db';
import type { auditFacets } from '@/lib/schemas/audit';
import type { AgentTitles } from './name-audit-refs';

// How far back the filter suggestions look: the trail grows without bound and has no index on
// its action name, so suggestions come from the newest events; a typed filter still searches all.
const RECENT_EVENTS = 10_000;

// The choices of the audit page's filters: every person (by name), every agent (by title), the
// system actors and action names seen in the recent trail.
export async function listAuditFacets(agents: AgentTitles): Promise<z.infer<typeof auditFacets>> {
  const [users, recent] = await Promise.all([
    getDb().user.findMany({ select: { id: true, name: true, email: true }, orderBy: { name: 'asc' } }),
    getPool().query<{ action: string; system_actor: string | null }>(
      `SELECT DISTINCT action, CASE WHEN actor_type = 'system' THEN actor_id END AS system_actor
         FROM (SELECT action, actor_type, actor_id FROM audit_events ORDER BY sequence DESC LIMIT $1) recent`,
      [RECENT_EVENTS],
    ),
  ]);
  const systemActors = [...new Set(recent.rows.flatMap((r) => (r.system_actor ? [r.system_actor] : [])))].sort();
  return {
    actors: [
      ...users.map((u) => ({ actorType: 'user' as const, actorId: u.id, name: `${u.name} (${u.email})` })),
      ...Object.entries(agents).map(([id, title]) => ({ actorType: 'agent' as const, actorId: id, name: title })),
      ...systemActors.map((id) => ({ actorType: 'system' as const, actorId: id, name: `System (${id})` })),
    ],
    actions: [...new Set(recent.rows.map((r) => r.action))].sort(),
  };
}
