'use client';
import Link from 'next/link';
import type { UsageInsights } from '@/lib/schemas/insights';
import { formatDateTime } from '@/lib/format';
import { Badge } from '@/components/ui/badge';
import { KIND_LABELS, STATUS_TONES } from '@/components/approvals/action-labels';

// The "why" behind what the usage analyst drafted for this customer: each action with the
// reasoning of the decision record that produced it, and the way to the approval queue.
export function UsageDecisions({ decisions }: { decisions: UsageInsights['decisions'] }) {
  if (!decisions.length)
    return <p className="text-sm text-slate-500">The usage analyst has not drafted anything for this customer.</p>;
  return (
    <ul className="flex flex-col divide-y divide-slate-100">
      {decisions.map((d) => (
        <li key={d.actionId} className="py-3 first:pt-0" data-testid="usage-decision">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <Badge tone="blue">{KIND_LABELS[d.kind] ?? d.kind}</Badge>
            <span className="font-medium text-slate-800">{d.title}</span>
            <Badge tone={STATUS_TONES[d.status] ?? 'gray'}>{d.status.replace('_', ' ')}</Badge>
            <span className="text-xs text-slate-500">
              {formatDateTime(d.createdAt)} · v{d.agentVersion}
            </span>
            <Link href="/approvals" className="ml-auto text-xs font-medium text-brand-700 hover:underline">
              Open in approvals
            </Link>
          </div>
          <p className="mt-1 whitespace-pre-line text-xs text-slate-600" data-testid="decision-reasoning">
            {d.reasoning}
          </p>
        </li>
      ))}
    </ul>
  );
}
