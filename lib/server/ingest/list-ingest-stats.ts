import { getPool } from '@/lib/db';
import type { IngestStatRow, IngestStatsResponse } from '@/lib/schemas/ingest-tokens';
import { clock } from '@/lib/clock';

// Accepted / duplicate / rejected per source over the last `days` UTC days (today included),
// with the per-day breakdown, busiest source first.
export async function listIngestStats(days: number, today = clock.now()): Promise<IngestStatsResponse> {
  const to = today.toISOString().slice(0, 10);
  const from = new Date(Date.parse(to) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  const { rows } = await getPool().query<{
    source: string;
    day: string;
    accepted: number;
    duplicate: number;
    rejected: number;
  }>(
    `SELECT source, to_char(day, 'YYYY-MM-DD') AS day, accepted, duplicate, rejected
       FROM ingest_daily_stats WHERE day BETWEEN $1::date AND $2::date ORDER BY source, day`,
    [from, to],
  );
  const bySource = new Map<string, IngestStatRow>();
  for (const r of rows) {
    const s = bySource.get(r.source) ?? { source: r.source, accepted: 0, duplicate: 0, rejected: 0, days: [] };
    s.accepted += r.accepted;
    s.duplicate += r.duplicate;
    s.rejected += r.rejected;
    s.days.push({ day: r.day, accepted: r.accepted, duplicate: r.duplicate, rejected: r.rejected });
    bySource.set(r.source, s);
  }
  const items = [...bySource.values()].sort(
    (a, b) =>
      b.accepted + b.duplicate + b.rejected - (a.accepted + a.duplicate + a.rejected) ||
      a.source.localeCompare(b.source),
  );
  return { from, to, items };
}
