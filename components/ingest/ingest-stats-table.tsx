'use client';
import { useIngestStats } from '@/lib/queries/use-ingest';
import { formatQuantity } from '@/lib/format';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryState } from '@/components/ui/query-state';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';

// Accepted / duplicate / rejected events per source over the last 7 days (UTC), from
// ingest_daily_stats; the counters are written about once a second.
export function IngestStatsTable() {
  const { data, isLoading, error } = useIngestStats(7);
  return (
    <Card title="Events per source, last 7 days">
      <QueryState isLoading={isLoading} error={error}>
        {data?.items.length ? (
          <Table>
            <THead>
              <tr>
                <Th>Source</Th>
                <Th className="text-right">Accepted</Th>
                <Th className="text-right">Duplicate</Th>
                <Th className="text-right">Rejected</Th>
                <Th className="text-right">Rejected %</Th>
              </tr>
            </THead>
            <TBody>
              {data.items.map((s) => {
                const total = s.accepted + s.duplicate + s.rejected;
                return (
                  <Tr key={s.source} data-testid="ingest-stat-row" data-source={s.source}>
                    <Td className="font-mono text-xs">{s.source}</Td>
                    <Td className="text-right tabular-nums" data-testid="stat-accepted">
                      {formatQuantity(s.accepted)}
                    </Td>
                    <Td className="text-right tabular-nums" data-testid="stat-duplicate">
                      {formatQuantity(s.duplicate)}
                    </Td>
                    <Td className="text-right tabular-nums" data-testid="stat-rejected">
                      {formatQuantity(s.rejected)}
                    </Td>
                    <Td className="text-right tabular-nums text-slate-500">
                      {total ? `${((s.rejected / total) * 100).toFixed(1)}%` : '–'}
                    </Td>
                  </Tr>
                );
              })}
            </TBody>
          </Table>
        ) : (
          <EmptyState title="No events in the last 7 days">
            Counts appear here as soon as a source sends usage.
          </EmptyState>
        )}
      </QueryState>
    </Card>
  );
}
