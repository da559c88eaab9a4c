'use client';
import Link from 'next/link';
import { useState } from 'react';
import { useCustomers } from '@/lib/queries/use-customers';
import { formatDate } from '@/lib/format';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Input, Select } from '@/components/ui/input';
import { Pagination } from '@/components/ui/pagination';
import { QueryState } from '@/components/ui/query-state';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { UsageCell } from './usage-cell';

const PAGE = 50;
const METERS = [
  { key: 'api_calls', label: 'API calls' },
  { key: 'compute_minutes', label: 'Compute min' },
  { key: 'storage_gb', label: 'Storage GB' },
];

export function CustomersTable() {
  const [q, setQ] = useState('');
  const [plan, setPlan] = useState('');
  const [sort, setSort] = useState<'name' | 'utilisation'>('name');
  const [offset, setOffset] = useState(0);
  const { data, isLoading, error } = useCustomers({
    q: q || undefined,
    plan: plan || undefined,
    sort,
    limit: PAGE,
    offset,
  });

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <Input
          aria-label="Search customers"
          placeholder="Search by name, e-mail or billing id"
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setOffset(0);
          }}
          className="w-80"
        />
        <Select
          aria-label="Plan"
          value={plan}
          onChange={(e) => {
            setPlan(e.target.value);
            setOffset(0);
          }}
        >
          <option value="">All plans</option>
          <option value="starter">Starter</option>
          <option value="growth">Growth</option>
          <option value="scale">Scale</option>
          <option value="enterprise">Enterprise</option>
        </Select>
        <Select aria-label="Sort" value={sort} onChange={(e) => setSort(e.target.value as 'name' | 'utilisation')}>
          <option value="name">Sort by name</option>
          <option value="utilisation">Highest utilisation first</option>
        </Select>
        {data ? <span className="ml-auto text-sm text-slate-500">{data.total} customers</span> : null}
      </div>
      <QueryState isLoading={isLoading} error={error}>
        {data && data.items.length === 0 ? (
          <EmptyState title="No customers match">
            Customers appear here as the billing platform sends them, or when you clear the filters.
          </EmptyState>
        ) : (
          <Table>
            <THead>
              <tr>
                <Th>Customer</Th>
                <Th>Plan</Th>
                <Th>Period</Th>
                {METERS.map((m) => (
                  <Th key={m.key}>{m.label}</Th>
                ))}
              </tr>
            </THead>
            <TBody>
              {data?.items.map((c) => (
                <Tr key={c.id} data-testid="customer-row">
                  <Td>
                    <Link href={`/customers/${c.id}`} className="font-medium text-brand-700 hover:underline">
                      {c.name}
                    </Link>
                    <div className="text-xs text-slate-500">{c.email}</div>
                  </Td>
                  <Td>
                    <div className="flex items-center gap-1.5">
                      {c.plan ? <Badge tone="blue">{c.plan.name}</Badge> : <Badge>No plan</Badge>}
                      {c.subscriptionStatus === 'past_due' ? <Badge tone="red">Past due</Badge> : null}
                    </div>
                  </Td>
                  <Td className="whitespace-nowrap text-xs text-slate-500">
                    {c.periodStart && c.periodEnd ? `${formatDate(c.periodStart)} – ${formatDate(c.periodEnd)}` : '—'}
                  </Td>
                  {METERS.map((m) => (
                    <Td key={m.key}>
                      <UsageCell usage={c.usage.find((u) => u.meterKey === m.key)} />
                    </Td>
                  ))}
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
