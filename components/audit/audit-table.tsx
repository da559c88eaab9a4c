'use client';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { useAuditEvents, useVerifyChain, type AuditFilters } from '@/lib/queries/use-audit';
import { formatDateTime } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryState } from '@/components/ui/query-state';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { AuditDetailDialog } from './audit-detail-dialog';
import { AuditFilterFields } from './audit-filters';

const FILTER_KEYS = ['action', 'actorId', 'customerId', 'from', 'to'] as const;

// Filters live in the URL (a link or Back restores them); `?sequence=N` opens that event.
function readFilters(params: URLSearchParams): AuditFilters {
  return Object.fromEntries(FILTER_KEYS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
}

export function AuditTable() {
  const params = useSearchParams();
  const filters = readFilters(params);
  const linked = params.get('sequence');
  const [open, setOpen] = useState<string | null>(linked && /^\d+$/.test(linked) ? linked : null);
  const events = useAuditEvents(filters);
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];
  const verify = useVerifyChain();
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]);
  const exportUrl = `/api/v1/audit-events/export?${query}`;
  const setFilters = (next: AuditFilters) => {
    const q = new URLSearchParams(Object.entries(next).filter(([, v]) => v) as [string, string][]);
    // The History API, not router.replace: Next keeps useSearchParams in step without a server
    // round trip per keystroke.
    window.history.replaceState(null, '', q.size ? `/audit?${q}` : '/audit');
  };
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-2">
        <AuditFilterFields value={filters} onChange={setFilters} />
        <div className="ml-auto flex gap-2">
          <a
            href={exportUrl}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
            download
          >
            Export CSV
          </a>
          <Button variant="secondary" onClick={() => verify.mutate()} disabled={verify.isPending}>
            {verify.isPending ? 'Verifying…' : 'Verify chain'}
          </Button>
        </div>
      </div>
      {verify.data ? (
        <p
          data-testid="chain-verdict"
          className={
            verify.data.ok
              ? 'rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800'
              : 'rounded-md bg-red-50 px-3 py-2 text-sm text-red-700'
          }
        >
          {verify.data.ok
            ? `Chain intact: ${verify.data.rows} events verified.`
            : `Chain broken at event #${verify.data.brokenAt} (${verify.data.reason.replace('_', ' ')}); the ${verify.data.rows} events before it verify.`}
        </p>
      ) : null}
      {verify.error ? <p className="text-sm text-red-700">{verify.error.message}</p> : null}
      <QueryState isLoading={events.isLoading} error={events.data ? null : events.error}>
        {events.data && items.length === 0 ? (
          <EmptyState title="No audit events match">
            Every change to users, policies, tokens and actions, and every agent decision, is recorded here —
            append-only and hash-chained.
          </EmptyState>
        ) : (
          <Table>
            <THead>
              <tr>
                <Th>#</Th>
                <Th>When</Th>
                <Th>Actor</Th>
                <Th>Action</Th>
                <Th>Target</Th>
                <Th>Hash</Th>
              </tr>
            </THead>
            <TBody>
              {items.map((e) => (
                <Tr
                  key={e.sequence}
                  data-testid="audit-row"
                  className="cursor-pointer"
                  onClick={() => setOpen(e.sequence)}
                >
                  <Td className="tabular-nums">
                    {/* The row opens on click; the button makes it reachable and openable by keyboard. */}
                    <button
                      type="button"
                      className="rounded text-slate-600 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
                      aria-label={`Open audit event ${e.sequence}`}
                      onClick={(ev) => {
                        ev.stopPropagation();
                        setOpen(e.sequence);
                      }}
                    >
                      {e.sequence}
                    </button>
                  </Td>
                  <Td className="whitespace-nowrap text-xs">{formatDateTime(e.occurredAt)}</Td>
                  <Td className="text-xs">
                    <span className="font-medium text-slate-800">{e.actorName ?? e.actorId}</span>
                    <span className="block text-slate-500">{e.actorType === 'user' ? 'person' : e.actorType}</span>
                  </Td>
                  <Td className="font-mono text-xs">{e.action}</Td>
                  <Td className="text-xs">
                    {e.targetType} {e.targetId}
                    {e.customerName ? <span className="block text-slate-500">{e.customerName}</span> : null}
                  </Td>
                  <Td className="font-mono text-xs text-slate-500">{e.hash.slice(0, 12)}…</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
        {events.hasNextPage ? (
          <div className="flex items-center justify-center gap-3 py-2 text-sm text-slate-600">
            <span>{items.length} newest events shown.</span>
            <Button
              variant="secondary"
              onClick={() => void events.fetchNextPage()}
              disabled={events.isFetchingNextPage}
            >
              {events.isFetchingNextPage ? 'Loading…' : 'Show older events'}
            </Button>
          </div>
        ) : items.length ? (
          <p className="py-2 text-center text-xs text-slate-500">
            {items.length} events: the whole trail for these filters.
          </p>
        ) : null}
      </QueryState>
      {open ? <AuditDetailDialog sequence={open} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
