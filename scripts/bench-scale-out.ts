/**
 * Scale-out on one PostgreSQL: two consoles (`next start`, each with its in-process worker), two
 * gateways (`npm run gateway`) and two workers (`npm run worker`). Measures how long a usage
 * event accepted by one gateway takes to show in an entitlement check on the other, and checks
 * that approved actions are executed exactly once among the four executors.
 *
 *   npm run bench:scale-out [-- --samples 100] [--actions 40]
 *
 * Builds the console into NEXT_DIST_DIR (default .next) first when it holds no build. Last line: JSON.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { arg, freePort, spawnGateway, startBenchWorld, waitForHealth } from './lib/bench-world';
import { countExecutions, measureVisibility, spawnWorker, stopAll } from './lib/scale-out';

const samples = Number(arg('--samples') ?? 100);
const actionCount = Number(arg('--actions') ?? 40);
const distDir = process.env.NEXT_DIST_DIR || '.next';
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');

if (!existsSync(path.join(distDir, 'BUILD_ID'))) {
  const build = spawnSync('npm', ['run', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_DIST_DIR: distDir },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

async function startConsole(databaseUrl: string): Promise<ChildProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NEXT_DIST_DIR: distDir,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: randomBytes(24).toString('hex'),
      NODE_ENV: 'production',
      EXECUTOR_POLL_MS: '100',
    },
  });
  await waitForHealth(`${url}/api/health`, child);
  return child;
}

const world = await startBenchWorld(10);
const children: ChildProcess[] = [];
try {
  const second = await spawnGateway(world.databaseUrl);
  children.push(second.child, spawnWorker(world.databaseUrl), spawnWorker(world.databaseUrl));
  children.push(...(await Promise.all([startConsole(world.databaseUrl), startConsole(world.databaseUrl)])));
  console.log('[bench] 2 consoles, 2 gateways, 2 workers running');

  const visibility = await measureVisibility(
    { url: world.url },
    second,
    world.token,
    world.customers[0]!.id,
    'api_calls',
    samples,
  );
  console.log(`[bench] cross-gateway visibility: ${JSON.stringify(visibility)}`);

  const { getDb, getPool } = await import('../lib/db');
  const { decideAction } = await import('../lib/server/actions/decide-action');
  const { draftCredit, makeWorld, setPolicy } = await import('../tests/actions/world');
  const w = await makeWorld();
  await setPolicy('credit', { mode: 'assist', dualApprovalAbove: null });
  const ids: string[] = [];
  for (let i = 0; i < actionCount; i++) {
    const id = (await draftCredit(w, 100 + i)).actionId!;
    await decideAction(w.revops, id, { revision: 1, decision: 'approved' }, 'bench');
    ids.push(id);
  }
  const started = performance.now();
  const executions = await countExecutions(async (sql, values) => (await getPool().query(sql, values)).rows, ids);
  const executionSeconds = +((performance.now() - started) / 1000).toFixed(2);
  console.log(`[bench] actions: ${JSON.stringify(executions)} in ${executionSeconds} s`);
  await getDb().$disconnect();
  console.log(
    JSON.stringify({
      consoles: 2,
      gateways: 2,
      workers: 2,
      ...visibility,
      visibilityTargetP99Ms: 1000,
      ...executions,
      executionSeconds,
    }),
  );
} finally {
  await stopAll(children);
  await world.stop();
}
