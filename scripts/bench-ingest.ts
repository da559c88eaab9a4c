/**
 * Usage ingest throughput against the gateway process (or with `--transport next` a production
 * build of the console), compared in the same run with the database ceiling: multi-row
 * INSERT … ON CONFLICT DO NOTHING of the same rows into a bare table of usage_events' shape
 * (same columns and indexes, no rollups, no validation), same batch size and concurrency.
 *
 *   npm run bench:ingest [-- --seconds 10] [--batch-concurrency 24] [--single-concurrency 64] [--transport next] [--rebuild] [--profile]
 *   npm run bench:ingest -- --url http://host:3000 --token tg_ingest_… --customers cus_a,cus_b [--database-url postgres://…]
 *
 * Without --url it builds (if needed) into NEXT_DIST_DIR (default .next-bench), starts a temp
 * embedded PostgreSQL, migrates, seeds 50 customers, creates an ingest token, runs `next start`,
 * and stops it all afterwards. Phase 1 sends batches of 100 events, phase 2 single events, both
 * closed-loop over keep-alive connections (24 and 64 at a time); ~1% of events re-send an earlier event on purpose.
 * It then checks that every unique event was stored exactly once. Without --url it also runs the
 * same ingest function in this process (no HTTP, same database) to separate the cost of the
 * ingest path from the web framework's. Last line: one JSON object.
 */
import http from 'node:http';
import pg from 'pg';
import { arg, percentile, startBenchWorld, verificationPool, type BenchWorld } from './lib/bench-world';

const seconds = Number(arg('--seconds') ?? 10);
const batchConcurrency = Number(arg('--batch-concurrency') ?? 24);
const singleConcurrency = Number(arg('--single-concurrency') ?? 64);
const run = Date.now().toString(36);

interface Phase {
  name: string;
  bodies: Buffer[];
  eventsPer: number[];
  concurrency: number;
}

interface IngestAnswer {
  status?: string;
  idempotencyKey?: string;
  results?: { idempotencyKey: string; status: string }[];
}

function request(
  agent: http.Agent,
  url: string,
  token: string,
  body: Buffer,
): Promise<{ status: number; json: IngestAnswer | null }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': body.length,
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString() || 'null') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

// Pre-built bodies, so the load generator spends its CPU on sending, not on JSON.
function buildBodies(customers: string[], kind: 'batch' | 'single', count: number) {
  const meters = ['api_calls', 'compute_minutes'];
  const earlier: object[] = [];
  const bodies: Buffer[] = [];
  const eventsPer: number[] = [];
  let n = 0;
  const next = () => {
    // Duplicates on purpose: every 100th event is an exact re-send of an earlier one.
    if (earlier.length > 10 && n++ % 100 === 99) return earlier[Math.floor(Math.random() * earlier.length)]!;
    const i = n++;
    const e = {
      idempotencyKey: `bench-${run}-${kind}-${i}`,
      customerId: customers[i % customers.length],
      meter: meters[i % meters.length],
      quantity: 1 + (i % 7),
      timestamp: new Date(Date.now() - (i % 3_600) * 1000).toISOString(),
      properties: { route: `/v1/items/${i % 13}`, status: 200 },
    };
    if (earlier.length < 5_000) earlier.push(e);
    return e;
  };
  for (let b = 0; b < count; b++) {
    const events = Array.from({ length: kind === 'batch' ? 100 : 1 }, next);
    bodies.push(Buffer.from(JSON.stringify(kind === 'batch' ? events : events[0])));
    eventsPer.push(events.length);
  }
  return { bodies, eventsPer };
}

async function runPhase(world: Pick<BenchWorld, 'url' | 'token'>, phase: Phase, verdicts: Map<string, string[]>) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: phase.concurrency });
  const latencies: number[] = [];
  let next = 0,
    events = 0,
    failures = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (next < phase.bodies.length && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      const res = await request(agent, `${world.url}/api/v1/usage`, world.token, phase.bodies[i]!).catch(() => ({
        status: 0,
        json: null,
      }));
      latencies.push(performance.now() - t0);
      if (res.status !== 200 && res.status !== 202) {
        failures++;
        continue;
      }
      events += phase.eventsPer[i]!;
      const results = res.json?.results ?? [
        { idempotencyKey: res.json?.idempotencyKey ?? '', status: res.json?.status ?? '' },
      ];
      for (const r of results) verdicts.set(r.idempotencyKey, [...(verdicts.get(r.idempotencyKey) ?? []), r.status]);
    }
  };
  await Promise.all(Array.from({ length: phase.concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const result = {
    requests: latencies.length,
    events,
    failures,
    eventsPerSecond: Math.round(events / elapsed),
    p50Ms: +percentile(latencies, 50).toFixed(2),
    p99Ms: +percentile(latencies, 99).toFixed(2),
    sentBodies: next,
  };
  console.log(`[bench] ${phase.name}: ${JSON.stringify(result)}`);
  return result;
}

// The ingest function called directly (what the route does after authentication), closed-loop.
async function inProcess(customers: string[], size: number, concurrency: number) {
  const { ingestUsage } = await import('../lib/server/ingest/ingest-usage');
  const caller = { tokenId: 'tok_bench', source: 'bench' };
  const { bodies } = buildBodies(
    customers,
    size === 1 ? 'single' : 'batch',
    Math.ceil((seconds * (size === 1 ? 8_000 : 40_000)) / size),
  );
  const parsed = bodies.map((b) => b.toString().replaceAll(`bench-${run}-`, `inproc-${run}-`));
  let next = 0,
    events = 0;
  const started = performance.now();
  const deadline = started + (seconds / 2) * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < parsed.length && performance.now() < deadline) {
        const body = JSON.parse(parsed[next++]!);
        const outcome = await ingestUsage(caller, {
          mode: size === 1 ? 'single' : 'batch',
          format: 'json',
          items: size === 1 ? [body] : body,
        });
        events += outcome.accepted + outcome.duplicates;
      }
    }),
  );
  const perSecond = Math.round(events / ((performance.now() - started) / 1000));
  await (await import('../lib/server/ingest/record-ingest-stats')).flushIngestStats();
  return perSecond;
}

// Rows/s the database itself takes: batches of 100 rows as one multi-row INSERT … ON CONFLICT
// DO NOTHING into a bare copy of usage_events (its columns, defaults and indexes), closed loop.
async function databaseCeiling(databaseUrl: string, customers: string[], concurrency: number, durationS: number) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: concurrency });
  await pool.query('DROP TABLE IF EXISTS bench_usage_ceiling');
  await pool.query('CREATE TABLE bench_usage_ceiling (LIKE usage_events INCLUDING DEFAULTS INCLUDING INDEXES)');
  const { rows: meters } = await pool.query<{ id: string }>('SELECT id FROM meters ORDER BY key LIMIT 2');
  const placeholders = Array.from({ length: 100 }, (_, r) => {
    const p = Array.from({ length: 8 }, (_, c) => `$${r * 8 + c + 1}`);
    return `(${p[0]}, ${p[1]}, ${p[2]}, ${p[3]}, ${p[4]}::numeric, ${p[5]}::timestamptz, ${p[6]}::jsonb, ${p[7]})`;
  }).join(', ');
  const sql = `INSERT INTO bench_usage_ceiling (source, idempotency_key, customer_id, meter_id, quantity, occurred_at, properties, payload_hash)
    VALUES ${placeholders} ON CONFLICT DO NOTHING`;
  let n = 0,
    rowsIn = 0;
  const batch = () => {
    const values: string[] = [];
    for (let r = 0; r < 100; r++, n++) {
      values.push(
        'bench',
        `ceiling-${run}-${n}`,
        customers[n % customers.length]!,
        meters[n % meters.length]!.id,
        String(1 + (n % 7)),
        new Date(Date.now() - (n % 3_600) * 1000).toISOString(),
        JSON.stringify({ route: `/v1/items/${n % 13}`, status: 200 }),
        'f'.repeat(64),
      );
    }
    return values;
  };
  const end = performance.now() + durationS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const r = await pool.query(sql, batch());
        rowsIn += r.rowCount ?? 0;
      }
    }),
  );
  const perSecond = Math.round(rowsIn / ((performance.now() - started) / 1000));
  await pool.query('DROP TABLE bench_usage_ceiling');
  await pool.end();
  return perSecond;
}

const url = arg('--url');
const world: BenchWorld = url
  ? {
      url,
      transport: 'external',
      token: arg('--token')!,
      databaseUrl: arg('--database-url') ?? '',
      customers: (arg('--customers') ?? '')
        .split(',')
        .filter(Boolean)
        .map((id) => ({ id, externalId: '', apiKey: '' })),
      stop: async () => {},
    }
  : await startBenchWorld(50);
try {
  const customers = world.customers.map((c) => c.id);
  if (!customers.length) throw new Error('--customers is required with --url');
  const verdicts = new Map<string, string[]>();
  console.log('[bench] warming up …');
  const warm = buildBodies(customers, 'batch', 30);
  await runPhase(
    world,
    {
      name: 'warm-up (not counted)',
      bodies: warm.bodies.map((b) => Buffer.from(b.toString().replaceAll(`bench-${run}-`, `warm-${run}-`))),
      eventsPer: warm.eventsPer,
      concurrency: 4,
    },
    new Map(),
  );

  const batch = buildBodies(customers, 'batch', Math.ceil((seconds * 40_000) / 100));
  const batchResult = await runPhase(
    world,
    { name: 'batches of 100', bodies: batch.bodies, eventsPer: batch.eventsPer, concurrency: batchConcurrency },
    verdicts,
  );
  const single = buildBodies(customers, 'single', seconds * 5_000);
  const singleResult = await runPhase(
    world,
    { name: 'single events', bodies: single.bodies, eventsPer: single.eventsPer, concurrency: singleConcurrency },
    verdicts,
  );

  // Only what was actually sent counts: bodies beyond the deadline never left.
  const sentKeys = new Set<string>();
  let sentEvents = 0;
  for (const [phase, bodies] of [
    [batchResult, batch.bodies],
    [singleResult, single.bodies],
  ] as const) {
    for (const body of bodies.slice(0, phase.sentBodies)) {
      const parsed = JSON.parse(body.toString());
      for (const e of Array.isArray(parsed) ? parsed : [parsed]) {
        sentKeys.add(e.idempotencyKey);
        sentEvents++;
      }
    }
  }
  let inProcessBatchEventsPerSecond: number | null = null;
  let inProcessSingleEventsPerSecond: number | null = null;
  if (!url) {
    inProcessBatchEventsPerSecond = await inProcess(customers, 100, batchConcurrency);
    inProcessSingleEventsPerSecond = await inProcess(customers, 1, singleConcurrency);
    console.log(
      `[bench] in-process ingest (no HTTP): ${JSON.stringify({ inProcessBatchEventsPerSecond, inProcessSingleEventsPerSecond })}`,
    );
  }
  const ceilingRowsPerSecond = world.databaseUrl
    ? await databaseCeiling(world.databaseUrl, customers, batchConcurrency, Math.max(3, seconds / 2))
    : null;
  if (ceilingRowsPerSecond)
    console.log(`[bench] database ceiling (bare multi-row INSERT): ${ceilingRowsPerSecond} rows/s`);
  const acceptedTwice = [...verdicts.values()].filter((v) => v.filter((s) => s === 'accepted').length > 1).length;
  const answeredStored = [...sentKeys].filter((k) =>
    (verdicts.get(k) ?? []).some((s) => s === 'accepted' || s === 'duplicate'),
  ).length;
  let stored = answeredStored;
  let duplicates = acceptedTwice;
  const pool = verificationPool(world.databaseUrl);
  if (pool) {
    const { rows } = await pool.query(
      "SELECT count(*)::int AS n, count(DISTINCT idempotency_key)::int AS k FROM usage_events WHERE source = 'bench' AND idempotency_key LIKE $1",
      [`bench-${run}-%`],
    );
    stored = rows[0].k;
    duplicates = rows[0].n - rows[0].k + acceptedTwice;
    await pool.end();
  }
  const summary = {
    transport: world.transport,
    batchEventsPerSecond: batchResult.eventsPerSecond,
    ceilingRowsPerSecond,
    ratioToCeiling: ceilingRowsPerSecond ? +(batchResult.eventsPerSecond / ceilingRowsPerSecond).toFixed(3) : null,
    singleEventsPerSecond: singleResult.eventsPerSecond,
    p50Ms: batchResult.p50Ms,
    p99Ms: batchResult.p99Ms,
    singleP50Ms: singleResult.p50Ms,
    singleP99Ms: singleResult.p99Ms,
    sent: sentEvents,
    unique: sentKeys.size,
    stored,
    lost: sentKeys.size - stored,
    duplicates,
    failedRequests: batchResult.failures + singleResult.failures,
    inProcessBatchEventsPerSecond,
    inProcessSingleEventsPerSecond,
  };
  console.log(JSON.stringify(summary));
} finally {
  await world.stop();
}
