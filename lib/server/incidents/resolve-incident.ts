import { getDb } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/roles';
import { ApiError } from '@/lib/errors';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { clock } from '@/lib/clock';

// A person resolves an open incident (revops, admin); the route then asks the SLA agent to
// assess it. Resolving twice is refused rather than moving the end time under drafted credits.
export async function resolveIncident(
  actor: SessionUser,
  id: string,
  body: { resolvedAt: string; note: string },
  requestId: string,
): Promise<{ id: string }> {
  const resolvedAt = new Date(body.resolvedAt);
  return getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(7311011, hashtext(${id}))`;
    const incident = await tx.incident.findUnique({ where: { id }, select: { status: true, startedAt: true } });
    if (!incident) throw new ApiError(404, 'not_found', 'Incident not found');
    if (incident.status === 'resolved') throw new ApiError(409, 'already_resolved', 'The incident is already resolved');
    if (resolvedAt <= incident.startedAt) {
      throw new ApiError(422, 'resolved_before_start', 'An incident is resolved after it started');
    }
    if (resolvedAt > clock.now())
      throw new ApiError(422, 'resolved_in_future', 'An incident cannot be resolved in the future');
    await tx.incident.update({ where: { id }, data: { status: 'resolved', resolvedAt, lastEventAt: clock.now() } });
    await tx.incidentEvent.create({
      data: {
        incidentId: id,
        at: resolvedAt,
        kind: 'resolved',
        source: 'console',
        message: `Resolved in the console by ${actor.email}${body.note ? `: ${body.note}` : ''}`,
      },
    });
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: 'incident.resolved',
      target: { type: 'incident', id },
      requestId,
      before: { status: incident.status },
      after: { status: 'resolved', resolvedAt },
    });
    return { id };
  });
}
