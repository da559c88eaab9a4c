import type { ActionDetail } from '@/lib/schemas/actions';
import { formatDateTime } from '@/lib/format';
import { JsonView } from '@/components/ui/json-view';

// Every revision stays visible, newest first, with who made it and the decisions on it.
export function RevisionHistory({ action }: { action: ActionDetail }) {
  const revisions = [...action.revisions].reverse();
  return (
    <section>
      <h3 className="mb-2 text-sm font-semibold">Revisions and decisions</h3>
      <ol className="flex flex-col gap-3" data-testid="revisions">
        {revisions.map((r) => (
          <li key={r.revision} className="rounded-md border border-slate-100 p-3">
            <div className="text-xs text-slate-500">
              <span className="font-semibold text-slate-700">Revision {r.revision}</span> ·{' '}
              {r.editedBy ? `edited by ${r.editedBy.name}` : 'drafted by the agent'} · {formatDateTime(r.createdAt)}
              {r.note ? ` · “${r.note}”` : ''}
            </div>
            <details className="mt-1">
              <summary className="cursor-pointer text-xs text-slate-600">Parameters</summary>
              <JsonView value={r.payload} className="mt-1" />
            </details>
            {action.approvals
              .filter((x) => x.revision === r.revision)
              .map((x) => (
                <div key={`${x.user.id}-${x.createdAt}`} className="mt-1 text-xs">
                  <span className={x.decision === 'approved' ? 'text-emerald-700' : 'text-red-700'}>{x.decision}</span>{' '}
                  by {x.user.name} · {formatDateTime(x.createdAt)}
                  {x.reason ? ` · “${x.reason}”` : ''}
                </div>
              ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
