'use client';
import { usePolicies } from '@/lib/queries/use-lists';
import { formatMoney } from '@/lib/format';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryState } from '@/components/ui/query-state';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';

const MODE_TONES: Record<string, BadgeTone> = { off: 'gray', observe: 'blue', assist: 'amber', autopilot: 'green' };
const money = (v: number | null) => (v === null ? '—' : formatMoney(v, 'usd'));

export function PoliciesTable() {
  const { data, isLoading, error } = usePolicies();
  return (
    <QueryState isLoading={isLoading} error={error}>
      {data && data.items.length === 0 ? (
        <EmptyState title="No policies">Without a policy, agents only observe.</EmptyState>
      ) : (
        <Table>
          <THead>
            <tr><Th>Action kind</Th><Th>Mode</Th><Th className="text-right">Cap per action</Th><Th className="text-right">Cap per customer / month</Th><Th className="text-right">Dual approval above</Th><Th>Review window</Th><Th>Approvers</Th></tr>
          </THead>
          <TBody>
            {data?.items.map((p) => (
              <Tr key={p.actionKind} data-testid="policy-row">
                <Td className="font-medium">{p.actionKind.replace('_', ' ')}</Td>
                <Td><Badge tone={MODE_TONES[p.mode]}>{p.mode}</Badge></Td>
                <Td className="text-right tabular-nums">{money(p.maxAmountPerAction)}</Td>
                <Td className="text-right tabular-nums">{money(p.maxAmountPerCustomerMonth)}</Td>
                <Td className="text-right tabular-nums">{money(p.dualApprovalAbove)}</Td>
                <Td>{p.reviewWindowHours} h</Td>
                <Td className="text-xs">{p.approverRoles.join(', ')}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </QueryState>
  );
}
