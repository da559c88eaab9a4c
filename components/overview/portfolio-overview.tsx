'use client';
import Link from 'next/link';
import { KIND_LABELS } from '@/components/approvals/action-labels';
import { QueryState } from '@/components/ui/query-state';
import { formatDate, formatDateTime } from '@/lib/format';
import { formatMoney } from '@/lib/money';
import { usePortfolioOverview } from '@/lib/queries/use-overview';
import { formatTotals, OverviewTile, TileRow } from './overview-tile';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// The RevOps landing page: what waits for a decision, ranked by money, and what the agents saw
// today — each tile links to the page that holds its rows.
export function PortfolioOverview() {
  const query = usePortfolioOverview();
  const o = query.data;
  return (
    <QueryState isLoading={query.isLoading} error={query.data ? null : query.error}>
      {o ? (
        <div className="flex flex-col gap-3">
          <p className="text-xs text-slate-600">
            As of {formatDateTime(o.asOf)} · refreshed every minute from the queue, the agents&apos; decision records
            and the daily scores.
          </p>
          <div className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3">
            <OverviewTile
              title="Pending approvals"
              testId="tile-approvals"
              figure={plural(o.approvals.pending, 'action')}
              caption={
                <>
                  {formatTotals(o.approvals.atStake)} at stake · {o.approvals.dueSoon} due within 4 h
                  {o.approvals.failedRecently ? (
                    <Link href="/approvals?status=failed" className="block font-medium text-red-700 underline">
                      {plural(o.approvals.failedRecently, 'execution')} failed this week
                    </Link>
                  ) : null}
                </>
              }
              href="/approvals"
              linkLabel="Open the approval queue"
            >
              {o.approvals.byKind.map((k) => (
                <li key={k.kind} className="flex justify-between gap-3 text-slate-700">
                  <span>
                    {KIND_LABELS[k.kind]} · {k.count}
                  </span>
                  <span className="tabular-nums text-slate-600">
                    {k.atStake.length ? formatTotals(k.atStake) : '—'}
                  </span>
                </li>
              ))}
              {o.approvals.largest
                .filter((a) => a.amountMinor)
                .slice(0, 3)
                .map((a) => (
                  <TileRow
                    key={a.id}
                    href={`/approvals/${encodeURIComponent(a.id)}`}
                    label={`${a.customerName ?? 'No customer'}: ${a.title}`}
                    value={formatMoney(a.amountMinor!, a.currency ?? 'usd')}
                  />
                ))}
            </OverviewTile>

            <OverviewTile
              title="Usage anomalies"
              testId="tile-anomalies"
              figure={`${o.anomalies.today} today`}
              caption="Episodes the Usage Analyst reported in the last 24 hours."
              href="/customers"
              linkLabel="Open customers"
            >
              {o.anomalies.recent.slice(0, 5).map((a) => (
                <TileRow
                  key={`${a.customerId}:${a.meterKey}:${a.at}`}
                  href={`/customers/${encodeURIComponent(a.customerId)}`}
                  label={`${a.customerName} · ${a.meterKey}`}
                  value={`${a.runaway ? 'runaway' : a.kind.replaceAll('_', ' ')} · ${formatDate(a.at)}`}
                />
              ))}
              {!o.anomalies.recent.length ? <li className="text-slate-600">None in the last 7 days.</li> : null}
            </OverviewTile>

            <OverviewTile
              title="Quota crossings this week"
              testId="tile-quota"
              figure={plural(o.quota.crossingThisWeek.length, 'customer')}
              caption={`forecast to pass an included quantity within 7 days · ${o.quota.overNow} already past one`}
              href="/expansion?sort=crossing"
              linkLabel="Rank by crossing date"
            >
              {o.quota.crossingThisWeek.slice(0, 5).map((c) => (
                <TileRow
                  key={c.customerId}
                  href={`/customers/${encodeURIComponent(c.customerId)}`}
                  label={c.customerName}
                  value={formatDate(c.crossingAt)}
                />
              ))}
            </OverviewTile>

            <OverviewTile
              title="Revenue at risk in dunning"
              testId="tile-dunning"
              figure={formatTotals(o.dunning.outstanding)}
              caption={`owed on ${plural(o.dunning.invoices, 'invoice')} of ${plural(o.dunning.customers, 'customer')} · ${formatTotals(o.dunning.mrrAtRisk)} MRR at stake`}
              href="/invoices"
              linkLabel="Open invoices"
            >
              {o.dunning.largest.map((i) => (
                <TileRow
                  key={i.invoiceId}
                  href={`/invoices/${encodeURIComponent(i.invoiceId)}`}
                  label={`${i.customerName}${i.number ? ` · ${i.number}` : ''}`}
                  value={`${formatMoney(i.remainingMinor, i.currency)} · ${plural(i.attempts, 'attempt')}`}
                />
              ))}
            </OverviewTile>

            <OverviewTile
              title="Expansion pipeline"
              testId="tile-expansion"
              figure={plural(o.expansion.ready, 'customer')}
              caption={`expansion-ready by today's scores · ${formatTotals(o.expansion.mrr)} MRR today`}
              href="/expansion"
              linkLabel="Open the expansion list"
            >
              {o.expansion.top.map((c) => (
                <TileRow
                  key={c.customerId}
                  href={`/customers/${encodeURIComponent(c.customerId)}`}
                  label={c.customerName}
                  value={`${c.score}/100${c.mrrMinor !== null ? ` · ${formatMoney(c.mrrMinor, c.currency)}` : ''}`}
                />
              ))}
            </OverviewTile>
          </div>
        </div>
      ) : null}
    </QueryState>
  );
}
