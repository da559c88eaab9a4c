import type { Tx } from '@/lib/db';
import type { Actor } from '@/lib/server/audit/append-audit-event';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { IncidentSignal } from './sources/incident-signal';

export interface RecordedSignal {
  incidentId: string;
  outcome: 'opened' | 'updated' | 'resolved' | 'skipped_older';
}

// Opens, updates or resolves the incident a signal names (source + the sender's key), with a
// timeline entry and an audit record in the caller's transaction. Idempotent and ordered: a
// signal older than the newest one applied changes nothing, so a late "firing" never reopens a
// resolved incident; a resolved incident only moves back to open on a newer signal.
export async function recordIncidentSignal(
  tx: Tx,
  input: { source: string; signal: IncidentSignal; inboxId: string | null; actor: Actor },
): Promise<RecordedSignal> {
  const { source, signal: s } = input;
  const externalKey = `${source}:${s.key}`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(7311011, hashtext(${externalKey}))`;
  const existing = await tx.incident.findUnique({
    where: { externalKey },
    select: { id: true, status: true, startedAt: true, lastEventAt: true, services: true, regions: true },
  });
  if (existing?.lastEventAt && existing.lastEventAt > s.eventAt) {
    return { incidentId: existing.id, outcome: 'skipped_older' };
  }
  const status = s.phase;
  const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
  const incident = existing
    ? await tx.incident.update({
        where: { id: existing.id },
        data: {
          status,
          title: s.title,
          ...(s.description ? { description: s.description } : {}),
          severity: s.severity,
          // A recovery notice may carry only its own time: the incident started when it was first seen.
          startedAt: s.startedAt < existing.startedAt ? s.startedAt : existing.startedAt,
          resolvedAt: s.state === 'resolved' ? s.resolvedAt : null,
          services: union(existing.services, s.services),
          regions: union(existing.regions, s.regions),
          lastEventAt: s.eventAt,
        },
        select: { id: true },
      })
    : await tx.incident.create({
        data: {
          source,
          externalKey,
          title: s.title,
          description: s.description,
          severity: s.severity,
          status,
          startedAt: s.startedAt,
          resolvedAt: s.state === 'resolved' ? s.resolvedAt : null,
          services: s.services,
          regions: s.regions,
          lastEventAt: s.eventAt,
        },
        select: { id: true },
      });
  const outcome: RecordedSignal['outcome'] =
    s.state === 'resolved' ? 'resolved' : existing && existing.status !== 'resolved' ? 'updated' : 'opened';
  await tx.incidentEvent.create({
    data: { incidentId: incident.id, at: s.eventAt, kind: outcome, message: s.message, source, inboxId: input.inboxId },
  });
  await appendAuditEvent(tx, {
    actor: input.actor,
    action: `incident.${outcome}`,
    target: { type: 'incident', id: incident.id },
    sourceRef: input.inboxId ? `webhook_events:${input.inboxId}` : null,
    after: { status, services: s.services, regions: s.regions, startedAt: s.startedAt, resolvedAt: s.resolvedAt },
  });
  return { incidentId: incident.id, outcome };
}
