import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshDatabase } from '../helpers/fresh-database';
import { httpJson, spawnIngestServer, type IngestServer } from '../helpers/spawn-ingest-server';
import { createUsageWorld, isoAgo, type UsageWorld } from '../helpers/usage-world';

// SIGKILL the server in the middle of a batch load, restart it, resend everything with the same
// keys: exactly the unique events end up stored (none lost, none twice), every batch answered
// 200 before the kill is fully stored, and the rollups agree with the events.

const BATCHES = 60;
const PER_BATCH = 250;
const KILL_AFTER_ACKS = 15;

let fresh: Awaited<ReturnType<typeof createFreshDatabase>>;
let w: UsageWorld;
let server: IngestServer | undefined;

function buildBatches(world: UsageWorld) {
  const ts = isoAgo(60_000);
  const batches: {
    idempotencyKey: string;
    customerId: string;
    meter: string;
    quantity: number;
    timestamp: string;
  }[][] = [];
  const all = new Map<string, number>();
  for (let b = 0; b < BATCHES; b++) {
    const batch = [];
    for (let i = 0; i < PER_BATCH; i++) {
      // Every 50th event repeats one from the previous batch: duplicates on purpose.
      const key = b > 0 && i % 50 === 0 ? `crash-${b - 1}-${i + 1}` : `crash-${b}-${i}`;
      const quantity = Number(key.split('-')[2]) + 1;
      batch.push({
        idempotencyKey: key,
        customerId: world.customerId,
        meter: world.meters.sum,
        quantity,
        timestamp: ts,
      });
      all.set(key, quantity);
    }
    batches.push(batch);
  }
  return { batches, unique: all };
}

describe('crash safety', () => {
  beforeAll(async () => {
    fresh = await createFreshDatabase('crash');
    w = await createUsageWorld({}, fresh.db);
  });
  afterAll(async () => {
    await server?.kill('SIGKILL');
    await fresh?.drop();
  });

  it(
    'SIGKILL mid-load, restart, resend: stored = unique events, nothing lost or doubled',
    { timeout: 90_000 },
    async () => {
      const { batches, unique } = buildBatches(w);
      server = await spawnIngestServer(fresh.url);
      const acked: number[] = [];
      let next = 0;
      let killed = false;
      const sendLoop = async () => {
        while (next < batches.length && !killed) {
          const b = next++;
          try {
            const res = await httpJson(`${server!.url}/api/v1/usage`, w.token, batches[b]);
            if (res.status === 200) acked.push(b);
            if (acked.length >= KILL_AFTER_ACKS && !killed) {
              killed = true;
              await server!.kill('SIGKILL');
            }
          } catch {
            // In flight when the server died: the client retries later, as a real one would.
          }
        }
      };
      await Promise.all([sendLoop(), sendLoop(), sendLoop(), sendLoop()]);
      expect(killed).toBe(true);
      expect(acked.length).toBeLessThan(BATCHES);

      // Everything acknowledged before the kill is stored.
      const ackedKeys = [...new Set(acked.flatMap((b) => batches[b]!.map((e) => e.idempotencyKey)))];
      const { rows: ackedRows } = await fresh.pool.query(
        'SELECT count(*)::int AS n FROM usage_events WHERE source = $1 AND idempotency_key = ANY($2)',
        [w.source, ackedKeys],
      );
      expect(ackedRows[0].n).toBe(ackedKeys.length);

      server = await spawnIngestServer(fresh.url);
      for (const batch of batches) {
        const res = await httpJson(`${server.url}/api/v1/usage`, w.token, batch);
        expect(res.status).toBe(200);
        expect(res.body.rejected + res.body.conflicts).toBe(0);
      }
      const { rows } = await fresh.pool.query(
        `SELECT (SELECT count(*)::int FROM usage_events WHERE source = $1) AS events,
              (SELECT count(DISTINCT idempotency_key)::int FROM usage_events WHERE source = $1) AS keys,
              (SELECT sum(quantity)::float8 FROM usage_events WHERE source = $1) AS quantity,
              (SELECT sum(event_count)::int FROM usage_rollups_hourly WHERE customer_id = $2) AS rolled_events,
              (SELECT sum(quantity)::float8 FROM usage_rollups_hourly WHERE customer_id = $2) AS rolled_quantity`,
        [w.source, w.customerId],
      );
      const expectedQuantity = [...unique.values()].reduce((a, b) => a + b, 0);
      expect(rows[0]).toEqual({
        events: unique.size,
        keys: unique.size,
        quantity: expectedQuantity,
        rolled_events: unique.size,
        rolled_quantity: expectedQuantity,
      });
    },
  );
});
