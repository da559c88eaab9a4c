import { getPool } from '@/lib/db';
import { clock } from '@/lib/clock';

export interface IngestCounts {
  accepted: number;
  duplicate: number;
  rejected: number;
}

// Per-source, per-day counters for the Ingest page. They are added up in memory and written
// once a second in one upsert, outside the ingest transaction: with one row per source and day,
// writing them inside every ingest transaction would serialise all of a source's requests on
// that row's lock until COMMIT. The price: a crash loses at most the last second of counts.
// Rejected events never reach a transaction anyway. These are operational counters; usage itself
// (events and rollups) is always transactional.
const FLUSH_MS = 1_000;

interface State {
  pending: Map<string, IngestCounts & { source: string; day: string }>;
  timer: NodeJS.Timeout | null;
  flushing: Promise<void> | null;
}
const g = globalThis as unknown as { tollgateIngestStats?: State };
const state = (g.tollgateIngestStats ??= { pending: new Map(), timer: null, flushing: null });

export function recordIngestStats(source: string, counts: IngestCounts, at = clock.now()): void {
  if (!counts.accepted && !counts.duplicate && !counts.rejected) return;
  const day = at.toISOString().slice(0, 10); // UTC day of receipt
  const key = `${source}\u0000${day}`;
  const row = state.pending.get(key) ?? { source, day, accepted: 0, duplicate: 0, rejected: 0 };
  row.accepted += counts.accepted;
  row.duplicate += counts.duplicate;
  row.rejected += counts.rejected;
  state.pending.set(key, row);
  if (!state.timer) {
    state.timer = setTimeout(() => {
      state.timer = null;
      void flushIngestStats().catch((err: Error) =>
        console.error('[ingest] writing daily stats failed, will retry:', err.message),
      );
    }, FLUSH_MS);
    state.timer.unref();
  }
}

// Writes the pending counters now (tests call it; the timer calls it every second). On failure
// (database down) the counts are put back and retried on the next flush.
export async function flushIngestStats(): Promise<void> {
  while (state.flushing) await state.flushing;
  if (!state.pending.size) return;
  const rows = [...state.pending.values()];
  state.pending.clear();
  state.flushing = (async () => {
    try {
      await getPool().query(
        `INSERT INTO ingest_daily_stats AS s (source, day, accepted, duplicate, rejected)
         SELECT * FROM unnest($1::text[], $2::date[], $3::int[], $4::int[], $5::int[])
         ORDER BY 1, 2
         ON CONFLICT (source, day) DO UPDATE
           SET accepted = s.accepted + EXCLUDED.accepted, duplicate = s.duplicate + EXCLUDED.duplicate, rejected = s.rejected + EXCLUDED.rejected`,
        [
          rows.map((r) => r.source),
          rows.map((r) => r.day),
          rows.map((r) => r.accepted),
          rows.map((r) => r.duplicate),
          rows.map((r) => r.rejected),
        ],
      );
    } catch (err) {
      for (const r of rows) recordIngestStats(r.source, r, new Date(`${r.day}T12:00:00Z`));
      throw err;
    }
  })().finally(() => (state.flushing = null));
  await state.flushing;
}
