'use client';
import { useState } from 'react';
import { useAuditEvents } from '@/lib/queries/use-lists';
import { formatDateTime } from '@/lib/format';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { QueryState } from '@/components/ui/query-state';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';

export function AuditTable() {
  const [action, setAction] = useState('');
  const { data, isLoading, error } = useAuditEvents({ action: action || undefined });
  return (
    <div className="flex flex-col gap-4">
      <Input aria-label="Filter by action" placeholder="Filter by action, e.g. user." value={action} onChange={(e) => setAction(e.target.value)} className="w-72" />
      <QueryState isLoading={isLoading} error={error}>
        {data && data.items.length === 0 ? (
          <EmptyState title="No audit events yet">Every change to users, policies, tokens and actions, and every agent decision, is recorded here — append-only and hash-chained.</EmptyState>
        ) : (
          <Table>
            <THead>
              <tr><Th>#</Th><Th>When</Th><Th>Actor</Th><Th>Action</Th><Th>Target</Th><Th>Hash</Th></tr>
            </THead>
            <TBody>
              {data?.items.map((e) => (
                <Tr key={e.sequence} data-testid="audit-row">
                  <Td className="tabular-nums text-slate-500">{e.sequence}</Td>
                  <Td className="whitespace-nowrap text-xs">{formatDateTime(e.occurredAt)}</Td>
                  <Td className="text-xs">{e.actorType}: {e.actorId}</Td>
                  <Td className="font-mono text-xs">{e.action}</Td>
                  <Td className="text-xs">{e.targetType} {e.targetId}</Td>
                  <Td className="font-mono text-xs text-slate-400">{e.hash.slice(0, 12)}…</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </QueryState>
    </div>
  );
}
