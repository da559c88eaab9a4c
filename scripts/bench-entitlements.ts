/**
 * Entitlement check throughput and latency over HTTP against the gateway process (or with
 * `--transport next` a production build of the console), compared in the same run with the
 * ceiling — a bare node:http server answering the same JSON to the same client — and the
 * in-process cache-hit path.
 *
 *   npm run bench:entitlements [-- --rate 5000] [--seconds 10] [--transport next] [--rebuild]
 *   npm run bench:entitlements -- --url http://host:3000 --token tg_ingest_… --api-keys k1,k2   (HTTP only)
 *
 * HTTP is open-loop: requests leave on a fixed schedule whatever the answers do, over keep-alive
 * connections, and latency is measured from each request's scheduled time (no coordinated
 * omission); a check unanswered after 5 s counts as failed. Also measured: closed-loop capacity,
 * and latency at 70% of it. In-process: the same check function a route calls, on a warm cache.
 * Last line: JSON.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import { arg, percentile, startBenchWorld, stopChild, type BenchWorld } from './lib/bench-world';

const rate = Number(arg('--rate') ?? 5000);
const seconds = Number(arg('--seconds') ?? 10);

// Resolves with the status, or 0 on a network error or when `deadline` (ms, performance.now
// clock) passes first — a request still waiting for a socket then never leaves.
function post(agent: http.Agent, url: string, token: string, body: Buffer, deadline = Infinity): Promise<number> {
  return new Promise((resolve) => {
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
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      },
    );
    const timer =
      deadline === Infinity ? null : setTimeout(() => req.destroy(), Math.max(0, deadline - performance.now()));
    req.on('close', () => timer && clearTimeout(timer));
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

// Closed loop with many connections: how many checks/s the server completes at most.
async function capacity(world: Pick<BenchWorld, 'url' | 'token'>, bodies: Buffer[], durationS: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  let done = 0;
  const end = performance.now() + durationS * 1000;
  await Promise.all(
    Array.from({ length: 32 }, async (_, w) => {
      for (let i = w; performance.now() < end; i += 32)
        if (
          (await post(agent, `${world.url}/api/v1/entitlements/check`, world.token, bodies[i % bodies.length]!)) === 200
        )
          done++;
    }),
  );
  agent.destroy();
  return Math.round(done / durationS);
}

// A check not answered within this long counts as failed (recorded at this latency).
const TIMEOUT_MS = 5_000;

async function openLoop(
  world: Pick<BenchWorld, 'url' | 'token'>,
  bodies: Buffer[],
  perSecond: number,
  durationS: number,
) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const total = Math.round(perSecond * durationS);
  const latencies: number[] = [];
  let ok = 0,
    failed = 0,
    sent = 0;
  const inflight: Promise<void>[] = [];
  const start = performance.now();
  await new Promise<void>((done) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * perSecond));
      for (; sent < due; sent++) {
        const scheduled = start + (sent / perSecond) * 1000;
        inflight.push(
          post(
            agent,
            `${world.url}/api/v1/entitlements/check`,
            world.token,
            bodies[sent % bodies.length]!,
            scheduled + TIMEOUT_MS,
          ).then((status) => {
            latencies.push(Math.min(TIMEOUT_MS, performance.now() - scheduled));
            if (status === 200) ok++;
            else failed++;
          }),
        );
      }
      // A 1 ms timer, not setImmediate: a spinning generator would take a core from the server.
      if (sent < total) setTimeout(tick, 1);
      else done();
    };
    tick();
  });
  await Promise.all(inflight);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    ok,
    failed,
    checksPerSecond: Math.round(ok / elapsed),
    p50Ms: +percentile(latencies, 50).toFixed(2),
    p99Ms: +percentile(latencies, 99).toFixed(2),
    maxMs: +latencies[latencies.length - 1]!.toFixed(2),
  };
}

async function inProcess(customers: BenchWorld['customers']) {
  const { checkEntitlement, checkEntitlementCached, entitlementRefOf } =
    await import('../lib/server/entitlements/check-entitlement');
  const { isChangeFeedLive, stopChangeFeed, startChangeFeed } =
    await import('../lib/server/entitlements/entitlement-cache');
  startChangeFeed();
  const deadline = Date.now() + 10_000;
  while (!isChangeFeedLive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  for (const c of customers) await checkEntitlement(entitlementRefOf({ apiKey: c.apiKey }), 'api_calls', 1);
  const measure = (iterations: number) => {
    const samples = new Float64Array(iterations);
    let allowed = 0;
    for (let i = 0; i < iterations; i++) {
      const c = customers[i % customers.length]!;
      const t0 = process.hrtime.bigint();
      // The whole per-request work after body parsing: hash the API key, look up, decide.
      const answer = checkEntitlementCached(entitlementRefOf({ apiKey: c.apiKey }), 'api_calls', 1);
      samples[i] = Number(process.hrtime.bigint() - t0) / 1000;
      if (answer?.allowed) allowed++;
    }
    if (allowed === 0) throw new Error('the in-process cache was not warm');
    return samples.sort();
  };
  measure(50_000); // JIT warm-up
  const samples = measure(300_000);
  await stopChangeFeed();
  return {
    p50Us: +samples[Math.floor(samples.length / 2)]!.toFixed(2),
    p99Us: +samples[Math.floor(samples.length * 0.99)]!.toFixed(2),
    p999Us: +samples[Math.floor(samples.length * 0.999)]!.toFixed(2),
  };
}

// The bare node:http server (scripts/lib/bare-http-server.ts): the ceiling, same client.
async function startBare() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/lib/bare-http-server.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      const m = /ready (\d+)/.exec(String(d));
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', () => reject(new Error('the bare server exited')));
  });
  return { target: { url: `http://127.0.0.1:${port}`, token: 'none' }, stop: () => stopChild(child) };
}

// On a shared machine the load changes by the second: gateway and ceiling are measured in
// alternating 2 s rounds and each keeps its best round, so the ratio compares like with like.
async function capacities(
  world: Pick<BenchWorld, 'url' | 'token'>,
  bare: Pick<BenchWorld, 'url' | 'token'>,
  bodies: Buffer[],
) {
  await capacity(world, bodies, 2);
  await capacity(bare, bodies, 2);
  let gateway = 0,
    ceiling = 0;
  for (let round = 0; round < 3; round++) {
    gateway = Math.max(gateway, await capacity(world, bodies, 2));
    ceiling = Math.max(ceiling, await capacity(bare, bodies, 2));
  }
  return { gateway, ceiling };
}

const url = arg('--url');
const world: BenchWorld = url
  ? {
      url,
      transport: 'external',
      token: arg('--token')!,
      databaseUrl: '',
      customers: (arg('--api-keys') ?? '')
        .split(',')
        .filter(Boolean)
        .map((apiKey) => ({ id: '', externalId: '', apiKey })),
      stop: async () => {},
    }
  : await startBenchWorld(50);
try {
  if (!world.customers.length) throw new Error('--api-keys is required with --url');
  const bodies = world.customers.map((c) =>
    Buffer.from(JSON.stringify({ apiKey: c.apiKey, meter: 'api_calls', quantity: 1 })),
  );
  const bare = await startBare();
  let max: number, ceilingChecksPerSecond: number, bareAtRate: Awaited<ReturnType<typeof openLoop>>;
  try {
    console.log('[bench] closed loop, gateway and bare server in alternating rounds …');
    ({ gateway: max, ceiling: ceilingChecksPerSecond } = await capacities(world, bare.target, bodies));
    bareAtRate = await openLoop(bare.target, bodies, rate, Math.min(seconds, 5));
  } finally {
    await bare.stop();
  }
  console.log(`[bench] closed-loop capacity (32 connections): ${max} checks/s`);
  console.log(`[bench] bare node:http ceiling, same client: ${ceilingChecksPerSecond} checks/s`);
  console.log(`[bench] bare node:http open loop at ${rate}/s: ${JSON.stringify(bareAtRate)}`);
  // For context when the target rate is beyond this machine: latency at 70% of what it sustains.
  // Run before the target rate, whose backlog could otherwise spill into it.
  const sustainable = Math.max(50, Math.round(max * 0.7));
  const atSustainable = sustainable < rate ? await openLoop(world, bodies, sustainable, Math.min(seconds, 5)) : null;
  if (atSustainable)
    console.log(`[bench] HTTP open loop at ${sustainable}/s (70% of capacity): ${JSON.stringify(atSustainable)}`);
  const http = await openLoop(world, bodies, rate, seconds);
  console.log(`[bench] HTTP open loop at ${rate}/s for ${seconds} s: ${JSON.stringify(http)}`);
  const local = url ? null : await inProcess(world.customers);
  if (local) console.log(`[bench] in-process cache hit: ${JSON.stringify(local)}`);
  console.log(
    JSON.stringify({
      transport: world.transport,
      capacityChecksPerSecond: max,
      ceilingChecksPerSecond,
      ratioToCeiling: +(max / ceilingChecksPerSecond).toFixed(3),
      checksPerSecond: http.checksPerSecond,
      httpP50Ms: http.p50Ms,
      httpP99Ms: http.p99Ms,
      ceilingP99MsAtTargetRate: bareAtRate.p99Ms,
      inProcessP99Us: local?.p99Us ?? null,
      targetRate: rate,
      failedOrTimedOut: http.failed,
      sustainableRate: atSustainable ? sustainable : null,
      sustainableP50Ms: atSustainable?.p50Ms ?? null,
      sustainableP99Ms: atSustainable?.p99Ms ?? null,
    }),
  );
} finally {
  await world.stop();
}
