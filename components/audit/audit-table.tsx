'use client';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { useAuditEvents, useVerifyChain, type AuditFilters } from '@/lib/queries/use-audit';
import { formatDateTime } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { QueryState } from '@/components/ui/query-state';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { AuditDetailDialog } from './audit-detail-dialog';

const FIELDS: { key: keyof AuditFilters; label: string; type?: string }[] = [
  { key: 'action', label: 'Action (prefix, e.g. action.)' },
  { key: 'actorId', label: 'Actor id' },
  { key: 'agentId', label: 'Agent' },
  { key: 'customerId', label: 'Customer id' },
  { key: 'from', label: 'From', type: 'date' },
  { key: 'to', label: 'To', type: 'date' },
];

export function AuditTable() {
  const [filters, setFilters] = useState<AuditFilters>({});
  // `?sequence=N` (a deep link, e.g. from search) opens that event.
  const linked = useSearchParams().get('sequence');
  const [open, setOpen] = useState<string | null>(linked && /^\d+$/.test(linked) ? linked : null);
  const { data, isLoading, error } = useAuditEvents(filters);
  const verify = useVerifyChain();
  const exportUrl = `/api/v1/audit-events/export?${new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][])}`;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-2">
        {FIELDS.map((f) => (
          <label key={f.key} className="flex flex-col gap-1 text-xs font-medium text-slate-600">
            {f.label}
            <Input
              type={f.type ?? 'text'}
              aria-label={f.label}
              value={filters[f.key] ?? ''}
              onChange={(e) => setFilters({ ...filters, [f.key]: e.target.value || undefined })}
              className="w-44"
            />
          </label>
        ))}
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
      <QueryState isLoading={isLoading} error={error}>
        {data && data.items.length === 0 ? (
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
              {data?.items.map((e) => (
                <Tr
                  key={e.sequence}
                  data-testid="audit-row"
                  className="cursor-pointer"
                  onClick={() => setOpen(e.sequence)}
                >
                  <Td className="tabular-nums text-slate-500">{e.sequence}</Td>
                  <Td className="whitespace-nowrap text-xs">{formatDateTime(e.occurredAt)}</Td>
                  <Td className="text-xs">
                    {e.actorType}: {e.actorId}
                  </Td>
                  <Td className="font-mono text-xs">{e.action}</Td>
                  <Td className="text-xs">
                    {e.targetType} {e.targetId}
                  </Td>
                  <Td className="font-mono text-xs text-slate-500">{e.hash.slice(0, 12)}…</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </QueryState>
      {open ? <AuditDetailDialog sequence={open} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
