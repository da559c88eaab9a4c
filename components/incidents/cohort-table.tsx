'use client';
import { Fragment, useState } from 'react';
import Link from 'next/link';
import type { IncidentDetail } from '@/lib/schemas/sla';
import { formatMoney } from '@/lib/money';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import { CREDIT_STATUS, REASON_LABELS } from './cohort-labels';

type Assessment = IncidentDetail['assessments'][number];

// Every subscriber the SLA agent looked at: in the cohort with their credit and its state, or
// excluded with the reason. A row opens to the calculation the credit rests on.
export function CohortTable({ rows }: { rows: Assessment[] }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Table>
      <THead>
        <Tr>
          <Th>Customer</Th>
          <Th>Verdict</Th>
          <Th className="text-right">Requests</Th>
          <Th className="text-right">Failed</Th>
          <Th className="text-right">Downtime</Th>
          <Th className="text-right">Credit</Th>
          <Th>Status</Th>
          <Th />
        </Tr>
      </THead>
      <TBody>
        {rows.map((r) => {
          const reason = REASON_LABELS[r.reason] ?? { label: r.reason, tone: 'gray' as const };
          const status = r.action
            ? (CREDIT_STATUS[r.action.status] ?? { label: r.action.status, tone: 'gray' as const })
            : null;
          const steps = (r.calculation.steps as string[] | undefined) ?? [];
          return (
            <Fragment key={r.customerId}>
              <Tr data-testid="cohort-row" data-included={r.included} data-reason={r.reason}>
                <Td>
                  <Link className="font-medium text-brand-700 hover:underline" href={`/customers/${r.customerId}`}>
                    {r.customerName}
                  </Link>
                </Td>
                <Td>
                  <Badge tone={reason.tone}>{reason.label}</Badge>
                </Td>
                <Td className="text-right tabular-nums">{r.requests.toLocaleString('en-US')}</Td>
                <Td className="text-right tabular-nums">{r.failures.toLocaleString('en-US')}</Td>
                <Td className="text-right tabular-nums">{r.included ? `${r.downtimeMinutes} min` : '—'}</Td>
                <Td className="text-right tabular-nums">
                  {r.amountMinor !== null && r.currency ? formatMoney(r.amountMinor, r.currency) : '—'}
                </Td>
                <Td>
                  {status ? (
                    <span className="flex items-center gap-2">
                      <Badge tone={status.tone}>{status.label}</Badge>
                      {r.notifiedAt ? <span className="text-xs text-slate-500">AM notified</span> : null}
                    </span>
                  ) : null}
                </Td>
                <Td>
                  {steps.length ? (
                    <Button
                      variant="ghost"
                      aria-expanded={open === r.customerId}
                      onClick={() => setOpen(open === r.customerId ? null : r.customerId)}
                    >
                      {open === r.customerId ? 'Hide working' : 'Show working'}
                    </Button>
                  ) : null}
                </Td>
              </Tr>
              {open === r.customerId ? (
                <Tr>
                  <Td colSpan={8} className="bg-slate-50">
                    <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700" data-testid="credit-working">
                      {steps.map((s) => (
                        <li key={s}>{s}</li>
                      ))}
                    </ol>
                    {r.action ? (
                      <p className="mt-2 text-xs text-slate-500">
                        Action{' '}
                        <Link
                          className="text-brand-700 hover:underline"
                          href={`/approvals/${encodeURIComponent(r.action.id)}`}
                        >
                          {r.action.id}
                        </Link>
                        {r.ticketId ? ` · support ticket ${r.ticketId}` : ''}
                      </p>
                    ) : null}
                  </Td>
                </Tr>
              ) : null}
            </Fragment>
          );
        })}
      </TBody>
    </Table>
  );
}
