'use client';
import { useState } from 'react';
import { formatDateTime } from '@/lib/format';
import { formatMoney } from '@/lib/money';
import { useSlaPolicies, type SlaPolicy } from '@/lib/queries/use-sla-policies';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { QueryState } from '@/components/ui/query-state';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import { bpText } from './sla-inputs';
import { SlaPolicyForm } from './sla-policy-form';

// The SLA each plan promises, which the SLA agent applies to incidents: every role reads it,
// admins edit it.
export function SlaPoliciesEditor({ canEdit }: { canEdit: boolean }) {
  const { data, isLoading, error } = useSlaPolicies();
  const [editing, setEditing] = useState<SlaPolicy | null>(null);
  return (
    <Card title="SLA policies per plan" className="mt-6">
      <QueryState isLoading={isLoading} error={error}>
        <Table>
          <THead>
            <Tr>
              <Th>Plan</Th>
              <Th>Target</Th>
              <Th>Window</Th>
              <Th>Credit tiers</Th>
              <Th>Caps</Th>
              <Th>Maintenance windows</Th>
              <Th />
            </Tr>
          </THead>
          <TBody>
            {data?.items.map((p) => (
              <Tr key={p.id} data-testid="sla-policy-row">
                <Td>
                  <span className="font-medium">{p.planName ?? '—'}</span>
                  <span className="block text-xs text-slate-500">{p.name}</span>
                </Td>
                <Td className="tabular-nums">{bpText(p.uptimeTargetBp)}%</Td>
                <Td>{p.windowDays} days</Td>
                <Td className="text-xs">
                  {p.creditTiers.map((t) => `< ${bpText(t.belowBp)}% → ${t.creditPercent}%`).join(' · ')}
                </Td>
                <Td className="text-xs">
                  {p.capPercent}% of fee
                  {p.capMinor !== null ? ` · ${formatMoney(p.capMinor, p.currency)} per incident` : ''}
                </Td>
                <Td className="text-xs">
                  {p.exclusions.length
                    ? p.exclusions.map((w) => `${formatDateTime(w.startsAt)}–${formatDateTime(w.endsAt)}`).join('; ')
                    : 'none'}
                </Td>
                <Td>
                  {canEdit ? (
                    <Button variant="secondary" onClick={() => setEditing(p)}>
                      Edit
                    </Button>
                  ) : null}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </QueryState>
      {editing ? <SlaPolicyForm policy={editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}
