'use client';
import { useEffect, useRef } from 'react';
import { formatMoney } from '@/lib/money';
import { formatDistanceToNowStrict } from 'date-fns';
import type { ActionSummary } from '@/lib/queries/use-actions';
import { LOW_RISK_KINDS, type ActionKind } from '@/lib/schemas/action-kinds';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { useAgentName } from '@/components/agents/agent-names';
import { KIND_LABELS, STATUS_TONES } from './action-labels';

interface Props {
  items: ActionSummary[];
  selectedId: string | null;
  checked: Set<string>;
  onSelect: (id: string) => void;
  onToggle: (id: string) => void;
}

export function QueueList({ items, selectedId, checked, onSelect, onToggle }: Props) {
  const agentName = useAgentName();
  const listRef = useRef<HTMLUListElement>(null);
  // j/k move the selection; keep it in view inside the list's own scroll area so the reviewer
  // never loses their place (`nearest` scrolls only when the row is actually out of view).
  useEffect(() => {
    if (!selectedId) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-action-id="${CSS.escape(selectedId)}"]`);
    row?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);
  return (
    <ul
      ref={listRef}
      data-testid="queue-list"
      className="max-h-[45vh] divide-y divide-slate-100 overflow-y-auto overscroll-contain rounded-lg border border-slate-200 bg-white shadow-sm lg:max-h-[calc(100vh-12rem)]"
      aria-label="Actions"
    >
      {items.map((a) => {
        const lowRisk = LOW_RISK_KINDS.includes(a.kind as ActionKind);
        const selected = a.id === selectedId;
        return (
          <li
            key={a.id}
            // A plain list row, not an ARIA option: an option may not contain the bulk checkbox.
            // The selection is announced as the current item; j/k and clicks move it.
            aria-current={selected ? 'true' : undefined}
            data-testid="action-row"
            data-action-id={a.id}
            onClick={() => onSelect(a.id)}
            className={cn(
              'flex cursor-pointer items-start gap-3 px-4 py-3',
              selected ? 'bg-brand-50 ring-1 ring-inset ring-brand-200' : 'hover:bg-slate-50',
            )}
          >
            <input
              type="checkbox"
              aria-label={`Select ${a.title} for bulk approval`}
              className="mt-1"
              disabled={!lowRisk || a.status !== 'pending_approval'}
              title={
                lowRisk
                  ? 'Low risk: can be approved in bulk'
                  : 'Moves money or changes a subscription: approve on its own'
              }
              checked={checked.has(a.id)}
              onClick={(e) => e.stopPropagation()}
              onChange={() => onToggle(a.id)}
            />
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone="blue">{KIND_LABELS[a.kind] ?? a.kind}</Badge>
                <span className="truncate font-medium text-slate-800">{a.title}</span>
                {a.status !== 'pending_approval' ? (
                  <Badge tone={STATUS_TONES[a.status]}>{a.status.replace('_', ' ')}</Badge>
                ) : null}
              </div>
              <div
                className={cn('mt-1 flex flex-wrap gap-x-3 text-xs', selected ? 'text-slate-600' : 'text-slate-500')}
              >
                <span>{a.customer?.name ?? 'No customer'}</span>
                <span>{a.agentId ? agentName(a.agentId) : 'Drafted by a person'}</span>
                <span>{formatDistanceToNowStrict(new Date(a.createdAt), { addSuffix: true })}</span>
                {a.currentRevision > 1 ? <span>revision {a.currentRevision}</span> : null}
              </div>
            </div>
            <div className="text-right text-sm tabular-nums text-slate-700">
              {a.amountMinor !== null ? formatMoney(a.amountMinor, a.currency ?? 'usd') : ''}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
