'use client';
import type { ActionFilters } from '@/lib/queries/use-actions';
import { Select } from '@/components/ui/input';
import { useAgentNames } from '@/components/agents/agent-names';
import { KIND_LABELS } from './action-labels';

interface Props {
  filters: ActionFilters;
  onChange: (f: ActionFilters) => void;
  customers: { id: string; name: string }[];
  customerId: string;
  onCustomer: (id: string) => void;
}

export function QueueFilters({ filters, onChange, customers, customerId, onCustomer }: Props) {
  const set = (patch: Partial<ActionFilters>) => onChange({ ...filters, ...patch });
  const agents = useAgentNames();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Select aria-label="Status" value={filters.status ?? 'open'} onChange={(e) => set({ status: e.target.value })}>
        <option value="open">Waiting for review</option>
        <option value="done">Decided and executed</option>
      </Select>
      <Select aria-label="Kind" value={filters.kind ?? ''} onChange={(e) => set({ kind: e.target.value || undefined })}>
        <option value="">All kinds</option>
        {Object.entries(KIND_LABELS).map(([k, label]) => (
          <option key={k} value={k}>
            {label}
          </option>
        ))}
      </Select>
      <Select
        aria-label="Agent"
        value={filters.agentId ?? ''}
        onChange={(e) => set({ agentId: e.target.value || undefined })}
      >
        <option value="">All agents</option>
        {Object.entries(agents).map(([k, label]) => (
          <option key={k} value={k}>
            {label}
          </option>
        ))}
      </Select>
      <Select
        aria-label="Age"
        value={String(filters.minAgeHours ?? '')}
        onChange={(e) => set({ minAgeHours: e.target.value ? Number(e.target.value) : undefined })}
      >
        <option value="">Any age</option>
        <option value="1">Older than 1 hour</option>
        <option value="12">Older than 12 hours</option>
        <option value="24">Older than a day</option>
      </Select>
      <Select aria-label="Customer" value={customerId} onChange={(e) => onCustomer(e.target.value)}>
        <option value="">All customers</option>
        {customers.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </Select>
      <span className="ml-auto text-xs text-slate-500">
        <kbd className="rounded border px-1">j</kbd>/<kbd className="rounded border px-1">k</kbd> move ·{' '}
        <kbd className="rounded border px-1">a</kbd> approve · <kbd className="rounded border px-1">r</kbd> reject ·{' '}
        <kbd className="rounded border px-1">e</kbd> edit
      </span>
    </div>
  );
}
