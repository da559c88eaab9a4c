'use client';
import { useEffect, useState } from 'react';
import type { ActionCounts, ActionFilters } from '@/lib/queries/use-actions';
import { Input, Select } from '@/components/ui/input';
import { SavedViews } from '@/components/ui/saved-views';
import { useAgentNames } from '@/components/agents/agent-names';
import { KIND_LABELS } from './action-labels';

interface Props {
  filters: ActionFilters;
  counts: ActionCounts | null;
  customers: { id: string; name: string }[];
  /** `replace`: typing in the search box replaces the history entry instead of adding one per key. */
  onChange: (f: ActionFilters, opts?: { replace?: boolean }) => void;
}

const STATUS_OPTIONS = [
  ['open', 'Waiting for review'],
  ['done', 'Decided and executed'],
  ['failed', 'Failed executions'],
] as const;

const SORT_OPTIONS = [
  ['', 'Default order'],
  ['oldest', 'Oldest first'],
  ['newest', 'Newest first'],
  ['amount', 'Largest amount'],
  ['deadline', 'Review deadline'],
  ['risk', 'Riskiest first'],
] as const;

const withCount = (label: string, n: number | undefined) => (n === undefined ? label : `${label} (${n})`);

export function QueueFilters({ filters, counts, customers, onChange }: Props) {
  const set = (patch: Partial<ActionFilters>, opts?: { replace?: boolean }) => onChange({ ...filters, ...patch }, opts);
  const agents = useAgentNames();
  const uniqueCustomers = [...new Map(customers.map((c) => [c.id, c])).values()];
  // A customer from the URL with nothing left in this list still shows as chosen.
  if (filters.customerId && !uniqueCustomers.some((c) => c.id === filters.customerId))
    uniqueCustomers.push({ id: filters.customerId, name: filters.customerId });
  // The search box keeps what is typed; the URL (and the query) follow a moment later.
  // Back/forward change the URL's search: the box follows (adjusting state during render).
  const [q, setQ] = useState(filters.q ?? '');
  const [urlQ, setUrlQ] = useState(filters.q);
  if (urlQ !== filters.q) {
    setUrlQ(filters.q);
    setQ(filters.q ?? '');
  }
  useEffect(() => {
    if (q === (filters.q ?? '')) return;
    const t = setTimeout(() => set({ q: q || undefined }, { replace: true }), 300);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the typed text restarts the wait
  }, [q]);
  const status = filters.status ?? 'open';
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Input
        type="search"
        aria-label="Search actions"
        placeholder="Search title or customer"
        className="w-56"
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <Select aria-label="Status" value={status} onChange={(e) => set({ status: e.target.value })}>
        {STATUS_OPTIONS.map(([value, label]) => (
          <option key={value} value={value}>
            {withCount(label, counts?.byStatus[value])}
          </option>
        ))}
      </Select>
      <Select aria-label="Kind" value={filters.kind ?? ''} onChange={(e) => set({ kind: e.target.value || undefined })}>
        <option value="">All kinds</option>
        {Object.entries(KIND_LABELS).map(([k, label]) => (
          <option key={k} value={k}>
            {withCount(label, counts ? (counts.byKind[k] ?? 0) : undefined)}
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
      <Select
        aria-label="Customer"
        value={filters.customerId ?? ''}
        onChange={(e) => set({ customerId: e.target.value || undefined })}
      >
        <option value="">All customers</option>
        {uniqueCustomers.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </Select>
      <Select aria-label="Sort" value={filters.sort ?? ''} onChange={(e) => set({ sort: e.target.value || undefined })}>
        {SORT_OPTIONS.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </Select>
      <SavedViews page="approvals" path="/approvals" />
      <span className="ml-auto text-xs text-slate-500">
        <kbd className="rounded border px-1">j</kbd>/<kbd className="rounded border px-1">k</kbd> move ·{' '}
        <kbd className="rounded border px-1">a</kbd> approve · <kbd className="rounded border px-1">r</kbd> reject ·{' '}
        <kbd className="rounded border px-1">e</kbd> edit
      </span>
    </div>
  );
}
