import { getDb } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/roles';
import { ApiError } from '@/lib/errors';
import { decideInTx } from '@/lib/server/actions/decide-action';
import type { BulkItemResult } from '@/lib/server/actions/bulk-approve-actions';
import { notifyApprovedSlaCredits } from './notify-approved-sla-credits';

// Approves an incident's batch of SLA credits together. The generic bulk approval refuses kinds
// that move money; this one accepts only credits the SLA agent drafted for this incident, whose
// calculation the reviewer sees on the incident page. Each credit is its own transaction through
// the same decision as a single approval — maker–checker, the approver roles, and dual approval
// above the policy's threshold (a first approval leaves it pending for a second person) — and the
// notifications of a credit that became approved commit with its approval.
export async function approveIncidentCredits(
  actor: SessionUser,
  incidentId: string,
  items: { id: string; revision: number }[],
  requestId: string,
): Promise<BulkItemResult[]> {
  const db = getDb();
  if (!(await db.incident.findUnique({ where: { id: incidentId }, select: { id: true } }))) {
    throw new ApiError(404, 'not_found', 'Incident not found');
  }
  const batch = await db.slaCreditAssessment.findMany({
    where: { incidentId, actionId: { in: items.map((i) => i.id) } },
    select: { actionId: true },
  });
  const results: BulkItemResult[] = [];
  for (const item of items) {
    if (!batch.some((b) => b.actionId === item.id)) {
      results.push({ id: item.id, error: { code: 'not_in_batch', message: 'Not an SLA credit of this incident' } });
      continue;
    }
    try {
      results.push(
        await db.$transaction(async (tx) => {
          const r = await decideInTx(tx, actor, item.id, { revision: item.revision, decision: 'approved' }, requestId);
          if (r.status === 'approved') {
            await notifyApprovedSlaCredits(tx, { actionIds: [item.id] }, { type: 'user', id: actor.id });
          }
          return r;
        }),
      );
    } catch (err) {
      const e = err as { code?: string; message: string };
      results.push({ id: item.id, error: { code: e.code ?? 'error', message: e.message } });
    }
  }
  return results;
}
