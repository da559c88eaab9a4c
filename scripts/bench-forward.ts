/**
 * Usage forwarding throughput: accepted usage events → Stripe meter events, over real HTTP to
 * the fake Stripe server (tests/fixtures/fake-stripe-meters.ts, in a process of its own), on a
 * throwaway embedded PostgreSQL, one forwarder process (this one).
 *
 *   npm run bench:forward [-- --events 20000] [--lag-events 2000] [--lag-rate 200] [--customers 20]
 *                         [--mode v1|v2] [--concurrency 32] [--batch 500] [--loops 2] [--aggregate]
 *
 * Phase 1 (throughput): --events are accepted through the real ingest statement, then forwarded
 * as fast as this process can — forwardedPerSecond. Phase 2 (lag): --lag-events are accepted at
 * --lag-rate/s while the forwarder runs — lagP50Ms/lagP99Ms, accept → Stripe acknowledgement.
 * Then, counting every receipt at the fake per identifier: `lost` = quantity Stripe did not count
 * plus events not acknowledged, `duplicates` = receipts beyond the first of an identifier plus any
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
const LAG_EVENTS = Number(arg('--lag-events') ?? 2_000);
const LAG_RATE = Number(arg('--lag-rate') ?? 200);
const CUSTOMERS = Number(arg('--customers') ?? 20);
const MODE = (arg('--mode') ?? 'v1') as 'v1' | 'v2';
const CONCURRENCY = Number(arg('--concurrency') ?? 32);
const BATCH = Number(arg('--batch') ?? 500);
const AGGREGATE = process.argv.includes('--aggregate');
// Forwarding rounds run side by side in this one process (their claims are disjoint: SKIP LOCKED),
// so one round's database work overlaps another's HTTP sends.
const LOOPS = Number(arg('--loops') ?? 2);

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
    `[bench] ${EVENTS} + ${LAG_EVENTS} events for ${CUSTOMERS} customers, ${MODE}, ${LOOPS} loops × concurrency ${CONCURRENCY}, batch ${BATCH}${AGGREGATE ? ', pre-aggregated' : ''}`,
  );

  const ingest = async (from: number, count: number) => {
    for (let at = from; at < from + count; at += 100) {
      const n = Math.min(100, from + count - at);
      await insertUsageEvents(
        getPool(),
        Array.from({ length: n }, (_, i) => {
          const k = at + i;
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
        }),
      );
    }
  };
  const acked = async () =>
    (
      await getPool().query<{ n: number }>(
        `SELECT coalesce(sum(event_count), 0)::int AS n FROM usage_forward_units WHERE status = 'acked'`,
      )
    ).rows[0]!.n;
  // LOOPS rounds side by side; resolves once `target` events are acknowledged, with progress lines.
  const forwardUntil = async (target: number, label: string) => {
    let done = await acked();
    let last = Date.now();
    let lastDone = done;
    while (done < target) {
      const outs = await Promise.all(
        Array.from({ length: LOOPS }, () =>
          forwardUsage(stripe, {
            mode: MODE,
            concurrency: CONCURRENCY,
            batch: BATCH,
            aggregate: AGGREGATE,
            maxRounds: 1,
          }),
        ),
      );
      if (!outs.some((o) => o.sent)) await new Promise((r) => setTimeout(r, 10));
      done = await acked();
      if (Date.now() - last >= 1_000) {
        console.log(
          `[bench] ${label}: acknowledged ${done} (${Math.round(((done - lastDone) * 1000) / (Date.now() - last))}/s)`,
        );
        last = Date.now();
        lastDone = done;
      }
    }
  };

  // Phase 1, throughput: EVENTS accepted up front, then forwarded as fast as this process can.
  await ingest(0, EVENTS);
  console.log(`[bench] ${EVENTS} events accepted; forwarding …`);
  const started = Date.now();
  await forwardUntil(EVENTS, 'throughput');
  const elapsedMs = Date.now() - started;

  // Phase 2, lag: LAG_EVENTS accepted at LAG_RATE/s while the forwarder keeps up; the lag is
  // measured on these units only (phase 1's include their queueing behind each other).
  const lagFrom = new Date();
  const producer = (async () => {
    const t0 = Date.now();
    for (let sent = 0; sent < LAG_EVENTS;) {
      const due = Math.min(LAG_EVENTS, Math.floor(((Date.now() - t0) / 1000) * LAG_RATE) + 10);
      if (due > sent) await ingest(EVENTS + sent, due - sent);
      sent = due;
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  await forwardUntil(EVENTS + LAG_EVENTS, 'lag');
  await producer;
  const TOTAL = EVENTS + LAG_EVENTS;

  const lags = (
    await getPool().query<{ ms: number }>(
      `SELECT extract(epoch FROM (acked_at - accepted_at)) * 1000 AS ms FROM usage_forward_units
        WHERE status = 'acked' AND accepted_at >= ($1::timestamptz AT TIME ZONE 'UTC') ORDER BY 1`,
      [lagFrom],
    )
  ).rows.map((r) => Number(r.ms));
  const expected = new Map<string, number>();
  for (let k = 0; k < TOTAL; k++) {
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
    events: EVENTS + LAG_EVENTS,
    mode: MODE,
    aggregate: AGGREGATE,
    concurrency: CONCURRENCY,
    loops: LOOPS,
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
