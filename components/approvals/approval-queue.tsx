'use client';
import Link from 'next/link';
import { useActions } from '@/lib/queries/use-lists';
import { formatDateTime, formatMoney } from '@/lib/format';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryState } from '@/components/ui/query-state';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';

const KIND_LABELS: Record<string, string> = { plan_change: 'Plan change', credit: 'Credit', dunning_step: 'Dunning step', email: 'E-mail', crm_task: 'CRM task', slack_post: 'Slack post' };

export function ApprovalQueue() {
  const { data, isLoading, error } = useActions({});
  return (
    <QueryState isLoading={isLoading} error={error}>
      {data && data.items.length === 0 ? (
        <EmptyState title="Nothing waiting for approval">
          When an agent drafts an action — a credit, a plan change, a dunning step — it waits here for a person to approve, edit or reject it.
        </EmptyState>
      ) : (
        <Table>
          <THead>
            <tr><Th>Action</Th><Th>Customer</Th><Th>Agent</Th><Th className="text-right">Amount</Th><Th>Review by</Th></tr>
          </THead>
          <TBody>
            {data?.items.map((a) => (
              <Tr key={a.id} data-testid="action-row">
                <Td><Badge tone="blue">{KIND_LABELS[a.kind] ?? a.kind}</Badge> <span className="ml-1">{a.title}</span></Td>
                <Td>{a.customer ? <Link href={`/customers/${a.customer.id}`} className="text-brand-700 hover:underline">{a.customer.name}</Link> : '—'}</Td>
                <Td className="text-xs text-slate-500">{a.agentId ?? 'person'}</Td>
                <Td className="text-right tabular-nums">{a.amountMinor !== null ? formatMoney(a.amountMinor, a.currency ?? 'usd') : '—'}</Td>
                <Td className="text-xs text-slate-500">{a.reviewDeadline ? formatDateTime(a.reviewDeadline) : '—'}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </QueryState>
  );
}
