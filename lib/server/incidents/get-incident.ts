import { getDb } from '@/lib/db';
import { ApiError } from '@/lib/errors';
import type { IncidentDetail } from '@/lib/schemas/sla';

// The incident page: the incident, its timeline, every customer the SLA agent assessed (in the
// cohort or excluded with the reason) with the calculation and where their credit stands.
export async function getIncident(id: string): Promise<IncidentDetail> {
  const db = getDb();
  const incident = await db.incident.findUnique({
    where: { id },
    include: {
      events: { orderBy: [{ at: 'asc' }, { createdAt: 'asc' }] },
      slaAssessments: { orderBy: [{ included: 'desc' }, { amountMinor: { sort: 'desc', nulls: 'last' } }] },
    },
  });
  if (!incident) throw new ApiError(404, 'not_found', 'Incident not found');
  const a = incident.slaAssessments;
  const [customers, actions] = await Promise.all([
    db.customer.findMany({ where: { id: { in: a.map((x) => x.customerId) } }, select: { id: true, name: true } }),
    db.action.findMany({
      where: { id: { in: a.flatMap((x) => (x.actionId ? [x.actionId] : [])) } },
      select: { id: true, status: true, currentRevision: true, executedAt: true },
    }),
  ]);
  const assessments = a.map((x) => {
    const action = actions.find((y) => y.id === x.actionId);
    return {
      customerId: x.customerId,
      customerName: customers.find((c) => c.id === x.customerId)?.name ?? x.customerId,
      included: x.included,
      reason: x.reason,
      requests: x.requests,
      failures: x.failures,
      downtimeMinutes: x.downtimeMin,
      calculation: x.calculation as Record<string, unknown>,
      amountMinor: x.amountMinor,
      currency: x.currency,
      action: action
        ? {
            id: action.id,
            status: action.status,
            currentRevision: action.currentRevision,
            executedAt: action.executedAt?.toISOString() ?? null,
          }
        : null,
      ticketId: x.ticketId,
      notifiedAt: x.notifiedAt?.toISOString() ?? null,
    };
  });
  return {
    id: incident.id,
    title: incident.title,
    description: incident.description,
    severity: incident.severity,
    status: incident.status,
    source: incident.source,
    services: incident.services,
    regions: incident.regions,
    startedAt: incident.startedAt.toISOString(),
    resolvedAt: incident.resolvedAt?.toISOString() ?? null,
    timeline: incident.events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      kind: e.kind,
      message: e.message,
      source: e.source,
    })),
    assessments,
    totals: {
      included: assessments.filter((x) => x.included).length,
      excluded: assessments.filter((x) => !x.included).length,
      creditMinor: assessments.reduce((s, x) => s + (x.amountMinor ?? 0), 0),
      currency: assessments.find((x) => x.currency)?.currency ?? null,
      pendingActionIds: assessments.flatMap((x) =>
        x.action && x.action.status === 'pending_approval'
          ? [{ id: x.action.id, revision: x.action.currentRevision }]
          : [],
      ),
    },
  };
}
