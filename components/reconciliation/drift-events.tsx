'use client';
import { useState } from 'react';
import { useDriftEvents } from '@/lib/queries/use-reconciliation';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { QueryState } from '@/components/ui/query-state';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';

const TONE: Record<string, BadgeTone> = {
  acked: 'green',
  flagged: 'red',
  sending: 'amber',
  queued: 'amber',
  pending: 'amber',
};

// The drill-down under a reconciliation row: its events and where each stands on its way to Stripe.
export function DriftEvents({ id }: { id: string }) {
  const [only, setOnly] = useState(true);
  const { data, isLoading, error } = useDriftEvents(id, only);
  return (
    <div className="flex flex-col gap-2 py-2" data-testid="drift-events">
      <label className="flex items-center gap-2 text-xs text-slate-600">
        <input type="checkbox" checked={only} onChange={(e) => setOnly(e.target.checked)} />
        Only events Stripe has not acknowledged
      </label>
      <QueryState isLoading={isLoading} error={error}>
        {data?.items.length ? (
          <Table>
            <THead>
              <tr>
                <Th>Event</Th>
                <Th>Occurred</Th>
                <Th className="text-right">Quantity</Th>
                <Th>Forwarding</Th>
                <Th>Stripe identifier</Th>
                <Th>Detail</Th>
              </tr>
            </THead>
            <TBody>
              {data.items.map((e) => (
                <Tr key={e.id} data-testid="drift-event-row">
                  <Td className="font-mono text-xs">
                    {e.source}/{e.idempotencyKey}
                  </Td>
                  <Td className="text-xs">{e.occurredAt.replace('T', ' ').slice(0, 19)}</Td>
                  <Td className="text-right tabular-nums">{Number(e.quantity)}</Td>
                  <Td>
                    <Badge tone={TONE[e.forwardState] ?? 'gray'}>{e.forwardState}</Badge>
                  </Td>
                  <Td className="font-mono text-xs">{e.identifier ?? '–'}</Td>
                  <Td className="text-xs text-slate-500">{e.detail ?? ''}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        ) : (
          <p className="text-xs text-slate-500">No events to show.</p>
        )}
      </QueryState>
    </div>
  );
}
