import { randomUUID } from 'node:crypto';
import { getDb } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/roles';
import { ApiError } from '@/lib/errors';
import type { z } from 'zod';
import type { openIncidentBody } from '@/lib/schemas/sla';
import { clock } from '@/lib/clock';
import { recordIncidentSignal } from './record-incident-signal';

// A person opens an incident in the console (revops, admin): the same record, timeline entry and
// audit event as one that arrives by webhook, with a key of its own.
export async function openIncident(
  actor: SessionUser,
  body: z.infer<typeof openIncidentBody>,
): Promise<{ id: string }> {
  const startedAt = new Date(body.startedAt);
  const now = clock.now();
  if (startedAt > now) throw new ApiError(422, 'started_in_future', 'An incident cannot start in the future');
  return getDb().$transaction(async (tx) => {
    const { incidentId } = await recordIncidentSignal(tx, {
      source: 'console',
      inboxId: null,
      actor: { type: 'user', id: actor.id },
      signal: {
        key: randomUUID(),
        state: 'open',
        phase: 'investigating',
        title: body.title,
        description: body.description,
        severity: body.severity,
        services: body.services,
        regions: body.regions,
        startedAt,
        resolvedAt: null,
        eventAt: now,
        message: `Opened in the console by ${actor.email}`,
      },
    });
    return { id: incidentId };
  });
}
