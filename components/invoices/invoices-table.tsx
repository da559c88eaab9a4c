'use client';
import { formatMoney } from '@/lib/money';
import Link from 'next/link';
import { useState } from 'react';
import { useInvoices } from '@/lib/queries/use-lists';
import { formatDate } from '@/lib/format';
import { EmptyState } from '@/components/ui/empty-state';
import { Input, Select } from '@/components/ui/input';
import { Pagination } from '@/components/ui/pagination';
import { QueryState } from '@/components/ui/query-state';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { InvoiceStatusBadge } from './invoice-status-badge';

const PAGE = 50;

export function InvoicesTable({ initialQuery = '' }: { initialQuery?: string }) {
  const [q, setQ] = useState(initialQuery);
  const [status, setStatus] = useState('');
  const [offset, setOffset] = useState(0);
  const { data, isLoading, error } = useInvoices({
    q: q || undefined,
    status: status || undefined,
    limit: PAGE,
    offset,
  });
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <Input
          aria-label="Search invoices"
          placeholder="Invoice number or customer"
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setOffset(0);
          }}
          className="w-72"
        />
        <Select
          aria-label="Status"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value);
            setOffset(0);
          }}
        >
          <option value="">Any status</option>
          <option value="open">Open</option>
          <option value="paid">Paid</option>
          <option value="draft">Draft</option>
          <option value="uncollectible">Uncollectible</option>
          <option value="void">Void</option>
        </Select>
        {data ? <span className="ml-auto text-sm text-slate-500">{data.total} invoices</span> : null}
      </div>
      <QueryState isLoading={isLoading} error={error}>
        {data && data.items.length === 0 ? (
          <EmptyState title="No invoices">Invoices arrive from the billing platform through its webhooks.</EmptyState>
        ) : (
          <Table>
            <THead>
              <tr>
                <Th>Invoice</Th>
                <Th>Customer</Th>
                <Th>Period</Th>
                <Th className="text-right">Total</Th>
                <Th className="text-right">Due</Th>
                <Th>Status</Th>
              </tr>
            </THead>
            <TBody>
              {data?.items.map((i) => (
                <Tr key={i.id} data-testid="invoice-row">
                  <Td className="font-mono text-xs">
                    <Link
                      href={`/invoices/${i.id}`}
                      className="text-brand-700 hover:underline"
                      data-testid="invoice-link"
                    >
                      {i.number ?? i.id}
                    </Link>
                  </Td>
                  <Td>
                    <Link href={`/customers/${i.customer.id}`} className="text-brand-700 hover:underline">
                      {i.customer.name}
                    </Link>
                  </Td>
                  <Td className="whitespace-nowrap text-xs text-slate-500">
                    {formatDate(i.periodStart)} – {formatDate(i.periodEnd)}
                  </Td>
                  <Td className="text-right tabular-nums">{formatMoney(i.total, i.currency)}</Td>
                  <Td className="text-right tabular-nums">
                    {i.amountRemaining ? formatMoney(i.amountRemaining, i.currency) : '—'}
                  </Td>
                  <Td>
                    <InvoiceStatusBadge status={i.status} />
                    {i.status === 'open' && i.attemptCount > 0 ? (
                      <span className="ml-2 text-xs text-red-600">{i.attemptCount} failed</span>
                    ) : null}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </QueryState>
      {data ? <Pagination offset={offset} pageSize={PAGE} total={data.total} onChange={setOffset} /> : null}
    </div>
  );
}
