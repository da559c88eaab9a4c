'use client';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useCustomers } from '@/lib/queries/use-customers';
import { formatDate } from '@/lib/format';
import { customerStanding, type CustomerStanding } from '@/lib/schemas/customers';
import { Badge } from '@/components/ui/badge';
import { SavedViews } from '@/components/ui/saved-views';
import { EmptyState } from '@/components/ui/empty-state';
import { Input, Select } from '@/components/ui/input';
import { Pagination } from '@/components/ui/pagination';
import { QueryState } from '@/components/ui/query-state';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { UsageCell } from './usage-cell';

const PAGE = 50;
const STANDINGS: { value: CustomerStanding; label: string }[] = [
  { value: 'past_due', label: 'Past due' },
  { value: 'trialing', label: 'Trialing' },
  { value: 'active', label: 'Active' },
];
// Usage columns beyond these scroll sideways: the first meters of the catalog, by name.
const MAX_METER_COLUMNS = 4;

// The list's place lives in the URL (?q=&plan=&standing=&sort=&offset=): a link, a saved view or
// Back brings it back. Updated through the History API, which Next follows without a round trip.
function readParams(params: URLSearchParams) {
  const standing = customerStanding.safeParse(params.get('standing'));
  const offset = Number(params.get('offset'));
  return {
    q: params.get('q') ?? '',
    plan: params.get('plan') ?? '',
    standing: standing.success ? standing.data : undefined,
    sort: params.get('sort') === 'utilisation' ? ('utilisation' as const) : ('name' as const),
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}
type ListState = ReturnType<typeof readParams>;

function writeParams(next: ListState, replace: boolean) {
  const q = new URLSearchParams();
  if (next.q) q.set('q', next.q);
  if (next.plan) q.set('plan', next.plan);
  if (next.standing) q.set('standing', next.standing);
  if (next.sort !== 'name') q.set('sort', next.sort);
  if (next.offset) q.set('offset', String(next.offset));
  const url = q.size ? `/customers?${q}` : '/customers';
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
}

export function CustomersTable() {
  const state = readParams(useSearchParams());
  const { q, plan, standing, sort, offset } = state;
  // Typing replaces the history entry; choosing a filter or a page adds one (Back undoes it).
  const set = (patch: Partial<ListState>, replace = false) => writeParams({ ...state, offset: 0, ...patch }, replace);
  const { data, isLoading, error } = useCustomers({
    q: q || undefined,
    plan: plan || undefined,
    standing,
    sort,
    limit: PAGE,
    offset,
  });
  const meters = (data?.meters ?? []).slice(0, MAX_METER_COLUMNS);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <Input
          aria-label="Search customers"
          placeholder="Search by name, e-mail or billing id"
          value={q}
          onChange={(e) => set({ q: e.target.value }, true)}
          className="w-80"
        />
        <Select aria-label="Plan" value={plan} onChange={(e) => set({ plan: e.target.value })}>
          <option value="">All plans</option>
          {data?.plans.map((p) => (
            <option key={p.key} value={p.key}>
              {p.name}
            </option>
          ))}
        </Select>
        <Select
          aria-label="Standing"
          value={standing ?? ''}
          onChange={(e) => set({ standing: customerStanding.safeParse(e.target.value).data })}
        >
          <option value="">Any standing</option>
          {STANDINGS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
        <Select
          aria-label="Sort"
          value={sort}
          onChange={(e) => set({ sort: e.target.value === 'utilisation' ? 'utilisation' : 'name' })}
        >
          <option value="name">Sort by name</option>
          <option value="utilisation">Highest utilisation first</option>
        </Select>
        <SavedViews page="customers" path="/customers" />
        {data ? <span className="ml-auto text-sm text-slate-600">{data.total} customers</span> : null}
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
                {meters.map((m) => (
                  <Th key={m.key}>{m.name}</Th>
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
                      {c.subscriptionStatus === 'past_due' || c.subscriptionStatus === 'unpaid' || c.delinquent ? (
                        <Badge tone="red">Past due</Badge>
                      ) : null}
                    </div>
                  </Td>
                  <Td className="whitespace-nowrap text-xs text-slate-500">
                    {c.periodStart && c.periodEnd ? `${formatDate(c.periodStart)} – ${formatDate(c.periodEnd)}` : '—'}
                  </Td>
                  {meters.map((m) => (
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
      {data ? (
        <Pagination offset={offset} pageSize={PAGE} total={data.total} onChange={(o) => set({ offset: o })} />
      ) : null}
    </div>
  );
}
