'use client';
import Link from 'next/link';
import { Fragment, useState } from 'react';
import { useReconciliations, useRunReconciliation } from '@/lib/queries/use-reconciliation';
import { formatMoney } from '@/lib/money';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryState } from '@/components/ui/query-state';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { DriftEvents } from './drift-events';

const day = (iso: string) => iso.slice(0, 10);
const n = (v: number | null) => (v === null ? '–' : v.toLocaleString('en-US', { maximumFractionDigits: 3 }));

// Per customer × meter × period: each source's figure side by side, drift flagged with its
// findings, a drill-down to the events and a link to the drafted Slack alert.
export function ReconciliationTable() {
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const { data, isLoading, error } = useReconciliations(flaggedOnly ? { flagged: 'true' } : {});
  const run = useRunReconciliation();
  const exportHref = `/api/v1/reconciliation/export${flaggedOnly ? '?flagged=true' : ''}`;
  return (
    <Card
      title="Usage vs Stripe"
      actions={
        <div className="flex items-center gap-3">
          <label className="flex items-center gap-2 text-sm text-slate-600">
            <input type="checkbox" checked={flaggedOnly} onChange={(e) => setFlaggedOnly(e.target.checked)} />
            Drift only
          </label>
          <a className="text-sm text-brand-700 underline" href={exportHref}>
            Export CSV
          </a>
          <Button variant="secondary" disabled={run.isPending} onClick={() => run.mutate()}>
            {run.isSuccess ? 'Queued' : 'Run now'}
          </Button>
        </div>
      }
    >
      <QueryState isLoading={isLoading} error={error}>
        {data?.items.length ? (
          <Table>
            <THead>
              <tr>
                <Th>Customer</Th>
                <Th>Meter</Th>
                <Th>Period</Th>
                <Th className="text-right">Accepted</Th>
                <Th className="text-right">Rollups</Th>
                <Th className="text-right">Acknowledged</Th>
                <Th className="text-right">Stripe</Th>
                <Th className="text-right">Invoiced</Th>
                <Th className="text-right">Paid</Th>
                <Th>Status</Th>
              </tr>
            </THead>
            <TBody>
              {data.items.map((r) => (
                <Fragment key={r.id}>
                  <Tr
                    data-testid="reconciliation-row"
                    data-flagged={r.flagged}
                    className="cursor-pointer"
                    onClick={() => setOpen(open === r.id ? null : r.id)}
                  >
                    <Td>
                      <a
                        className="text-brand-700 hover:underline"
                        href={`/customers/${r.customerId}`}
                        onClick={(e) => e.stopPropagation()}
                      >
                        {r.customerName}
                      </a>
                    </Td>
                    <Td>{r.meterName}</Td>
                    <Td className="text-xs">
                      {day(r.periodStart)} → {day(r.periodEnd)}
                    </Td>
                    <Td className="text-right tabular-nums">{n(r.accepted)}</Td>
                    <Td className="text-right tabular-nums">{n(r.rolledUp)}</Td>
                    <Td className="text-right tabular-nums">{n(r.acknowledged)}</Td>
                    <Td className="text-right tabular-nums">{n(r.stripeReported)}</Td>
                    <Td className="text-right tabular-nums">{n(r.invoiced)}</Td>
                    <Td className="text-right tabular-nums">
                      {r.amountPaid === null || !r.currency ? '–' : formatMoney(r.amountPaid, r.currency)}
                    </Td>
                    <Td>{r.flagged ? <Badge tone="red">Drift</Badge> : <Badge tone="green">Matches</Badge>}</Td>
                  </Tr>
                  {open === r.id ? (
                    <tr>
                      <td colSpan={10} className="bg-slate-50 px-4">
                        {r.findings.length ? (
                          <ul className="list-disc pl-5 pt-2 text-sm text-red-700" data-testid="findings">
                            {r.findings.map((f) => (
                              <li key={f}>{f}</li>
                            ))}
                          </ul>
                        ) : null}
                        {r.actionId ? (
                          <Link
                            className="text-sm text-brand-700 underline"
                            href={`/approvals/${encodeURIComponent(r.actionId)}`}
                          >
                            Drafted Slack alert
                          </Link>
                        ) : null}
                        <DriftEvents id={r.id} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </TBody>
          </Table>
        ) : (
          <EmptyState title="Nothing reconciled yet">Runs daily, when Stripe creates an invoice, or now.</EmptyState>
        )}
      </QueryState>
    </Card>
  );
}
