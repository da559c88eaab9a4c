'use client';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { formatDate, formatPercent } from '@/lib/format';
import { formatMoney } from '@/lib/money';
import { scoreExportUrl, useScoreList } from '@/lib/queries/use-scores';
import { scoreListQuery, type ScoreList } from '@/lib/schemas/scores';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { QueryState } from '@/components/ui/query-state';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { cn } from '@/components/ui/cn';
import { ScoreFactors } from './score-factors';
import { ScoreListFilters, type ScoreFilters } from './score-list-filters';
import { ScoreRowActions } from './score-row-actions';
import { scoreTone, type ScoreKey } from './score-tone';

const PAGE = 50;
const TABS: { list: ScoreList; label: string; key: ScoreKey }[] = [
  { list: 'expansion', label: 'Expansion', key: 'expansion' },
  { list: 'health', label: 'Health', key: 'health' },
  { list: 'churn_risk', label: 'Churn risk', key: 'churnRisk' },
];

// The Expansion page: every scored customer ranked by the chosen score, with the factors behind
// it, plan, MRR, headroom, forecast crossing and CRM owner; filters, sort and a CSV of the same
// list. People who decide actions draft a CRM task or an upgrade from a row; others read.
export function ScoreLists({ canDecide }: { canDecide: boolean }) {
  // A link may open a list and an order (the overview's "Rank by crossing date"); anything
  // unknown falls back to the expansion list by score.
  const params = useSearchParams();
  const [filters, setFilters] = useState<ScoreFilters>(() => {
    const linked = scoreListQuery
      .pick({ list: true, sort: true })
      .safeParse({ list: params.get('list') ?? undefined, sort: params.get('sort') ?? undefined });
    return linked.success ? linked.data : { list: 'expansion', sort: 'score' };
  });
  const [offset, setOffset] = useState(0);
  const { data, isLoading, error } = useScoreList({ ...filters, limit: PAGE, offset });
  const tab = TABS.find((t) => t.list === filters.list)!;
  const update = (f: ScoreFilters) => {
    setFilters(f);
    setOffset(0);
  };

  return (
    <div className="flex flex-col gap-4">
      <div role="tablist" aria-label="Score lists" className="flex gap-1 border-b border-slate-200">
        {TABS.map((t) => (
          <button
            key={t.list}
            role="tab"
            aria-selected={t.list === filters.list}
            onClick={() => update({ ...filters, list: t.list, threshold: undefined })}
            className={cn(
              '-mb-px border-b-2 px-3 py-2 text-sm font-medium',
              t.list === filters.list
                ? 'border-brand-600 text-brand-700'
                : 'border-transparent text-slate-500 hover:text-slate-800',
            )}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <ScoreListFilters value={filters} onChange={update} />
        <span className="ml-auto flex items-center gap-3 text-sm text-slate-500">
          {data ? `${data.total} customers` : null}
          <a className="text-brand-700 hover:underline" href={scoreExportUrl(filters)} download>
            Export CSV
          </a>
        </span>
      </div>
      <QueryState isLoading={isLoading} error={error}>
        {data && data.items.length === 0 ? (
          <EmptyState title="No scored customers match">
            The Developer Success agent scores customers with a live subscription daily; clear the filters to see them
            all.
          </EmptyState>
        ) : (
          <Table>
            <THead>
              <tr>
                <Th>Customer</Th>
                <Th>{tab.label}</Th>
                <Th>Top factors</Th>
                <Th>Plan</Th>
                <Th>MRR</Th>
                <Th>Headroom used</Th>
                <Th>Forecast crossing</Th>
                <Th>Owner</Th>
                {canDecide ? <Th>Actions</Th> : null}
              </tr>
            </THead>
            <TBody>
              {data?.items.map((r) => (
                <Tr key={r.customerId} data-testid="score-row">
                  <Td>
                    <Link href={`/customers/${r.customerId}`} className="font-medium text-brand-700 hover:underline">
                      {r.customerName}
                    </Link>
                    <div className="text-xs text-slate-500">{r.email}</div>
                  </Td>
                  <Td>
                    <span className={cn('text-lg font-semibold tabular-nums', scoreTone(tab.key, r.card.score))}>
                      {r.card.score}
                    </span>
                  </Td>
                  <Td className="min-w-56">
                    <ScoreFactors card={r.card} compact />
                  </Td>
                  <Td>{r.plan ? <Badge tone="blue">{r.plan.name}</Badge> : <Badge>No plan</Badge>}</Td>
                  <Td className="tabular-nums">{r.mrrMinor === null ? '—' : formatMoney(r.mrrMinor, r.currency)}</Td>
                  <Td className="tabular-nums">{r.headroomUsed === null ? '—' : formatPercent(r.headroomUsed)}</Td>
                  <Td className="whitespace-nowrap text-xs">{r.crossingAt ? formatDate(r.crossingAt) : '—'}</Td>
                  <Td className="text-xs">{r.owner ?? '—'}</Td>
                  {canDecide ? (
                    <Td>
                      <ScoreRowActions customerId={r.customerId} list={filters.list} />
                    </Td>
                  ) : null}
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
