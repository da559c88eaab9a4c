import type { Tx } from '@/lib/db';
import type { DemoData } from '../factories/demo-data';

const CHUNK = 20_000;

// ~1.3 M hourly rows: INSERT … SELECT FROM unnest() in chunks is far faster than ORM batches,
// and runs inside the seed's transaction so a crash leaves nothing half-seeded.
export async function writeRollups(tx: Tx, data: DemoData): Promise<number> {
  let written = 0;
  let cols: [string[], string[], string[], string[]] = [[], [], [], []];
  const flush = async () => {
    if (!cols[0].length) return;
    const [c, m, h, q] = cols;
    await tx.$executeRaw`
      INSERT INTO usage_rollups_hourly (customer_id, meter_id, hour, quantity, max_quantity, event_count)
      SELECT c, m, h, q, q, 0 FROM unnest(${c}::text[], ${m}::text[], ${h}::timestamptz[], ${q}::numeric[]) AS t(c, m, h, q)`;
    written += c.length;
    cols = [[], [], [], []];
  };
  for (const r of data.rollups()) {
    cols[0].push(r.customerId);
    cols[1].push(r.meterId);
    cols[2].push(r.hour.toISOString());
    cols[3].push(String(r.quantity));
    if (cols[0].length >= CHUNK) await flush();
  }
  await flush();
  return written;
}
