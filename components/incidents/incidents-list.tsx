'use client';
import { useIncidents } from '@/lib/queries/use-lists';
import { formatDateTime } from '@/lib/format';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryState } from '@/components/ui/query-state';

export function IncidentsList() {
  const { data, isLoading, error } = useIncidents();
  return (
    <QueryState isLoading={isLoading} error={error}>
      {data && data.items.length === 0 ? (
        <EmptyState title="No incidents">
          Incidents and their SLA impact show here, so credits owed are never missed.
        </EmptyState>
      ) : (
        <ul className="flex flex-col gap-3">
          {data?.items.map((i) => (
            <li key={i.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="incident">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={i.status === 'resolved' ? 'green' : 'red'}>{i.status}</Badge>
                <Badge tone="amber">{i.severity}</Badge>
                <h3 className="font-semibold">{i.title}</h3>
              </div>
              <p className="mt-2 text-sm text-slate-600">{i.description}</p>
              <p className="mt-2 text-xs text-slate-500">
                {formatDateTime(i.startedAt)}
                {i.durationMinutes !== null
                  ? ` · ${Math.floor(i.durationMinutes / 60)} h ${i.durationMinutes % 60} min`
                  : ' · ongoing'}
                {` · ${i.affectedCustomers} customers affected`}
                {i.slaPolicy ? ` · ${i.slaPolicy}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
    </QueryState>
  );
}
