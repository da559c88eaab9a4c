/**
 * Usage forwarding throughput: accepted usage events → Stripe meter events, over real HTTP to
 * the fake Stripe server (tests/fixtures/fake-stripe-meters.ts, in a process of its own), on a
 * throwaway embedded PostgreSQL, one forwarder process (this one).
 *
 *   npm run bench:forward [-- --events 20000] [--rate 2000] [--customers 20] [--mode v1|v2]
 *                         [--concurrency 32] [--batch 500] [--aggregate]
 *
 * Events are ingested through the real ingest statement at --rate events/s (so accept → ack lag
 * means something) while the forwarder runs; it then checks, by counting every receipt at the
 * fake per identifier, that each event was counted once: `lost` = events Stripe did not count
 * (or not acknowledged), `duplicates` = receipts beyond the first of an identifier plus any
 * quantity counted twice. Progress lines on the way; last line: one JSON object.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Stripe from 'stripe';
import { startEmbeddedPostgres } from '../lib/server/db/embedded-postgres';
import { migrateDatabase } from '../lib/server/db/migrate-database';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { arg, freePort, percentile } from './lib/bench-world';

const EVENTS = Number(arg('--events') ?? 20_000);
const RATE = Number(arg('--rate') ?? 2_000);
const CUSTOMERS = Number(arg('--customers') ?? 20);
const MODE = (arg('--mode') ?? 'v1') as 'v1' | 'v2';
const CONCURRENCY = Number(arg('--concurrency') ?? 32);
const BATCH = Number(arg('--batch') ?? 500);
const AGGREGATE = process.argv.includes('--aggregate');

const dir = mkdtempSync(path.join(os.tmpdir(), 'tollgate-bench-forward-'));
const pgServer = await startEmbeddedPostgres({
  dataDir: path.join(dir, 'pg'),
  port: await freePort(),
  persistent: false,
});
// The fake Stripe runs in its own process (scripts/lib/fake-stripe-meters-process.ts).
const fakeProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/lib/fake-stripe-meters-process.ts'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const fakeUrl = await new Promise<string>((resolve) =>
  createInterface({ input: fakeProcess.stdout! }).once('line', (line) => resolve(line.trim())),
);
try {
  await migrateDatabase(pgServer.url);
  process.env.DATABASE_URL = pgServer.url;
  process.env.DATABASE_POOL_SIZE ??= '8';
  const { getDb, getPool } = await import('../lib/db');
  const { insertUsageEvents } = await import('../lib/server/usage-store/insert-usage-events');
  const { forwardUsage } = await import('../lib/server/usage-forwarding/forward-usage');
  const db = getDb();
  const meter = await db.meter.create({
    data: {
      key: 'bench_calls',
      name: 'Calls',
      unit: 'calls',
      aggregation: 'sum',
      externalId: 'mtr_bench',
      stripeEventName: 'bench_calls',
    },
  });
  const customers = await Promise.all(
    Array.from({ length: CUSTOMERS }, (_, i) =>
      db.customer.create({ data: { name: `Bench ${i}`, externalId: `cus_bench_${i}` } }),
    ),
  );
  const url = new URL(fakeUrl);
  const stripe = new Stripe('sk_test_bench', {
    host: url.hostname,
    port: url.port,
    protocol: 'http',
    maxNetworkRetries: 0,
    telemetry: false,
    timeout: 20_000,
  });
  console.log(
    `[bench] ${EVENTS} events for ${CUSTOMERS} customers at ${RATE}/s, ${MODE}, concurrency ${CONCURRENCY}, batch ${BATCH}${AGGREGATE ? ', pre-aggregated' : ''}`,
  );

  // Producer: batches of 100 through the ingest statement, paced to RATE.
  let ingested = 0;
  const started = Date.now();
  const producer = (async () => {
    while (ingested < EVENTS) {
      const due = Math.min(EVENTS, Math.floor(((Date.now() - started) / 1000) * RATE) + 100);
      while (ingested < due) {
        const n = Math.min(100, due - ingested);
        const events = Array.from({ length: n }, (_, i) => {
          const k = ingested + i;
          return {
            source: 'bench',
            idempotencyKey: `b${k}`,
            customerId: customers[k % CUSTOMERS]!.id,
            meterId: meter.id,
            quantity: 1 + (k % 5),
            occurredAtMs: Date.now() - 1_000,
            propertiesJson: '{}',
            payloadHash: `h${k}`,
          };
        });
        await insertUsageEvents(getPool(), events);
        ingested += n;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  })();

  // Forwarder: rounds until every ingested event is acknowledged.
  const acked = async () =>
    (
      await getPool().query<{ n: number }>(
        `SELECT coalesce(sum(event_count), 0)::int AS n FROM usage_forward_units WHERE status = 'acked'`,
      )
    ).rows[0]!.n;
  let done = 0;
  let last = Date.now();
  let lastDone = 0;
  let firstSend = 0;
  while (done < EVENTS) {
    const out = await forwardUsage(stripe, {
      mode: MODE,
      concurrency: CONCURRENCY,
      batch: BATCH,
      aggregate: AGGREGATE,
      maxRounds: 1,
    });
    if (out.sent && !firstSend) firstSend = Date.now();
    if (!out.sent) await new Promise((r) => setTimeout(r, 10));
    if (Date.now() - last >= 1_000) {
      done = await acked();
      console.log(
        `[bench] ingested ${ingested}, acknowledged ${done} (${Math.round(((done - lastDone) * 1000) / (Date.now() - last))}/s)`,
      );
      last = Date.now();
      lastDone = done;
    } else if (ingested >= EVENTS) done = await acked();
  }
  const elapsedMs = Date.now() - (firstSend || started);
  await producer;

  const lags = (
    await getPool().query<{ ms: number }>(
      `SELECT extract(epoch FROM (acked_at - accepted_at)) * 1000 AS ms FROM usage_forward_units WHERE status = 'acked' ORDER BY 1`,
    )
  ).rows.map((r) => Number(r.ms));
  const expected = new Map<string, number>();
  for (let k = 0; k < EVENTS; k++) {
    const c = `cus_bench_${k % CUSTOMERS}`;
    expected.set(c, (expected.get(c) ?? 0) + 1 + (k % 5));
  }
  const counts = (await (await fetch(`${fakeUrl}/__fake/meter-counts`)).json()) as {
    receipts: number;
    repeats: number;
    counted: Record<string, number>;
  };
  let lost = 0;
  let doubled = 0;
  for (const [c, qty] of expected) {
    const counted = counts.counted[c] ?? 0;
    if (counted < qty) lost += qty - counted;
    if (counted > qty) doubled += counted - qty;
  }
  const notAcked = (
    await getPool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM usage_forwards f LEFT JOIN usage_forward_units u ON u.id = f.unit_id WHERE u.status IS DISTINCT FROM 'acked'`,
    )
  ).rows[0]!.n;
  const repeats = counts.repeats;
  const summary = {
    events: EVENTS,
    mode: MODE,
    aggregate: AGGREGATE,
    concurrency: CONCURRENCY,
    meterEventsSent: counts.receipts,
    forwardedPerSecond: Math.round((EVENTS * 1000) / elapsedMs),
    lagP50Ms: Math.round(percentile(lags, 50)),
    lagP99Ms: Math.round(percentile(lags, 99)),
    lost: lost + notAcked,
    duplicates: repeats + doubled,
  };
  console.log(JSON.stringify(summary));
  await getPool().end();
} finally {
  fakeProcess.kill('SIGTERM');
  await pgServer.stop();
  rmSync(dir, { recursive: true, force: true });
}
