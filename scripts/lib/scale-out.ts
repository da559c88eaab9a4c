// The scale-out scenario shared by `npm run bench:scale-out` and tests/production/scale-out.test.ts:
// several gateways, workers (and, in the bench, consoles) on one PostgreSQL. Two properties:
// approved actions drafted once are executed exactly once whichever executor claims them, and a
// usage event accepted by one gateway is visible to an entitlement check on another (measured).
import { spawn, type ChildProcess } from 'node:child_process';
import { percentile, stopChild } from './bench-world';

export interface Gateway {
  url: string;
}

// A worker process as `npm run worker` runs it (scripts/worker.ts), polling for actions fast.
export function spawnWorker(databaseUrl: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DATABASE_URL: databaseUrl, EXECUTOR_POLL_MS: '100', NODE_ENV: 'production' },
  });
}

export async function stopAll(children: ChildProcess[]): Promise<void> {
  await Promise.all(children.map(stopChild));
}

async function postJson(
  url: string,
  token: string,
  body: unknown,
): Promise<{ status: number; body: { used?: number } }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

// Ingest one event through gateway `a`, then poll an entitlement check on gateway `b` until the
// new usage shows; the time from a's 2xx to b's answer is the cross-instance visibility lag.
export async function measureVisibility(
  a: Gateway,
  b: Gateway,
  token: string,
  customerId: string,
  meter: string,
  samples: number,
) {
  const check = async () =>
    Number((await postJson(`${b.url}/api/v1/entitlements/check`, token, { customerId, meter, quantity: 0 })).body.used);
  const lags: number[] = [];
  let used = await check();
  for (let i = 0; i < samples; i++) {
    used = await check(); // b's cache holds the customer now
    const sent = await postJson(`${a.url}/api/v1/usage`, token, {
      idempotencyKey: `scale-out-${Date.now()}-${i}`,
      customerId,
      meter,
      quantity: 1,
      timestamp: new Date().toISOString(),
    });
    if (sent.status !== 202) throw new Error(`ingest answered ${sent.status}: ${JSON.stringify(sent.body)}`);
    const t0 = performance.now();
    for (;;) {
      if ((await check()) === used + 1) break;
      if (performance.now() - t0 > 10_000) throw new Error('the event never became visible on the other gateway');
    }
    lags.push(performance.now() - t0);
  }
  lags.sort((x, y) => x - y);
  return {
    samples,
    visibilityP50Ms: +percentile(lags, 50).toFixed(2),
    visibilityP99Ms: +percentile(lags, 99).toFixed(2),
    visibilityMaxMs: +lags[lags.length - 1]!.toFixed(2),
  };
}

// Waits until every action is out of approved/executing, then counts per action its ledger
// effects and its action.executed audit events — each must be exactly one.
type Row = Record<string, number | string>;

export async function countExecutions(query: (sql: string, values: unknown[]) => Promise<Row[]>, ids: string[]) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const [{ pending }] = (await query(
      "SELECT count(*)::int AS pending FROM actions WHERE id = ANY($1) AND status IN ('approved', 'executing')",
      [ids],
    )) as [{ pending: number }];
    if (pending === 0) break;
    if (Date.now() > deadline) throw new Error(`${pending} actions still waiting for an executor`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const rows = (await query(
    `SELECT a.id, a.status,
            (SELECT count(*)::int FROM ledger_entries l WHERE l.action_id = a.id) AS effects,
            (SELECT count(*)::int FROM audit_events e WHERE e.target_id = a.id AND e.action = 'action.executed') AS executed
       FROM actions a WHERE a.id = ANY($1)`,
    [ids],
  )) as { status: string; effects: number; executed: number }[];
  return {
    actions: ids.length,
    executed: rows.filter((r) => r.status === 'executed').length,
    executedTwice: rows.filter((r) => r.effects > 1 || r.executed > 1).length,
    notExecuted: rows.filter((r) => r.effects === 0 || r.executed === 0).length,
  };
}
