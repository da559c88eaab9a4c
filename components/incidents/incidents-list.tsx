'use client';
import Link from 'next/link';
import { useState } from 'react';
import { useIncidents } from '@/lib/queries/use-lists';
import { Button } from '@/components/ui/button';
import { OpenIncidentDialog } from './open-incident-dialog';
import { formatDateTime } from '@/lib/format';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryState } from '@/components/ui/query-state';

export function IncidentsList({ canManage = false }: { canManage?: boolean }) {
  const { data, isLoading, error } = useIncidents();
  const [opening, setOpening] = useState(false);
  return (
    <QueryState isLoading={isLoading} error={error}>
      {canManage ? (
        <div className="mb-3 flex justify-end">
          <Button onClick={() => setOpening(true)}>Open incident</Button>
        </div>
      ) : null}
      {opening ? <OpenIncidentDialog onClose={() => setOpening(false)} /> : null}
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
                <h3 className="font-semibold">
                  <Link className="hover:underline" href={`/incidents/${i.id}`}>
                    {i.title}
                  </Link>
                </h3>
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
