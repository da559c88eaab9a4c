import type { IncidentDetail } from '@/lib/schemas/sla';
import { formatDateTime } from '@/lib/format';

// What happened, in order: signals from the monitors or people, the cohort, the credits.
export function IncidentTimeline({ events }: { events: IncidentDetail['timeline'] }) {
  if (!events.length) return <p className="text-sm text-slate-500">No events recorded.</p>;
  return (
    <ol className="relative space-y-3 border-l border-slate-200 pl-4" data-testid="incident-timeline">
      {events.map((e) => (
        <li key={e.id} className="text-sm">
          <span className="absolute -left-1.5 mt-1.5 h-3 w-3 rounded-full border border-white bg-slate-300" />
          <p className="text-xs text-slate-500">
            {formatDateTime(e.at)} · {e.source} · {e.kind.replace('_', ' ')}
          </p>
          <p className="text-slate-800">{e.message}</p>
        </li>
      ))}
    </ol>
  );
}
