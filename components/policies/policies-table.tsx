'use client';
import { formatMoney } from '@/lib/money';
import { useState } from 'react';
import { usePolicies } from '@/lib/queries/use-lists';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryState } from '@/components/ui/query-state';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { Button } from '@/components/ui/button';
import { EditPolicyDialog } from './edit-policy-dialog';
import { kindLabel } from '@/lib/schemas/action-kinds';

const MODE_TONES: Record<string, BadgeTone> = { off: 'gray', observe: 'blue', assist: 'amber', autopilot: 'green' };
const money = (v: number | null) => (v === null ? '—' : formatMoney(v, 'usd'));

export function PoliciesTable({ canEdit }: { canEdit: boolean }) {
  const { data, isLoading, error } = usePolicies();
  const [editing, setEditing] = useState<string | null>(null);
  const editingPolicy = data?.items.find((p) => p.actionKind === editing);
  return (
    <QueryState isLoading={isLoading} error={error}>
      {data && data.items.length === 0 ? (
        <EmptyState title="No policies">Without a policy, agents only observe.</EmptyState>
      ) : (
        <Table>
          <THead>
            <tr>
              <Th>Action kind</Th>
              <Th>Mode</Th>
              <Th className="text-right">Cap per action</Th>
              <Th className="text-right">Cap per customer / month</Th>
              <Th className="text-right">Dual approval above</Th>
              <Th>Review window</Th>
              <Th>Approvers</Th>
              {canEdit ? <Th /> : null}
            </tr>
          </THead>
          <TBody>
            {data?.items.map((p) => (
              <Tr key={p.actionKind} data-testid="policy-row">
                <Td className="font-medium">{kindLabel(p.actionKind)}</Td>
                <Td>
                  <Badge tone={MODE_TONES[p.mode]}>{p.mode}</Badge>
                </Td>
                <Td className="text-right tabular-nums">{money(p.maxAmountPerAction)}</Td>
                <Td className="text-right tabular-nums">{money(p.maxAmountPerCustomerMonth)}</Td>
                <Td className="text-right tabular-nums">{money(p.dualApprovalAbove)}</Td>
                <Td>{p.reviewWindowHours} h</Td>
                <Td className="text-xs">{p.approverRoles.join(', ')}</Td>
                {canEdit ? (
                  <Td className="text-right">
                    <Button variant="secondary" onClick={() => setEditing(p.actionKind)}>
                      Edit
                    </Button>
                  </Td>
                ) : null}
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {editingPolicy ? (
        <EditPolicyDialog key={editingPolicy.actionKind} policy={editingPolicy} onClose={() => setEditing(null)} />
      ) : null}
    </QueryState>
  );
}
