import { getDb } from '@/lib/db';

export async function listIncidents() {
  const rows = await getDb().incident.findMany({
    orderBy: { startedAt: 'desc' },
    take: 100,
    select: {
      id: true,
      title: true,
      description: true,
      severity: true,
      status: true,
      startedAt: true,
      resolvedAt: true,
      slaPolicy: { select: { name: true } },
      _count: { select: { impacts: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    severity: r.severity,
    status: r.status,
    startedAt: r.startedAt.toISOString(),
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    durationMinutes: r.resolvedAt ? Math.round((r.resolvedAt.getTime() - r.startedAt.getTime()) / 60_000) : null,
    affectedCustomers: r._count.impacts,
    slaPolicy: r.slaPolicy?.name ?? null,
  }));
}
