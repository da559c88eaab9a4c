import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshDatabase } from '../helpers/fresh-database';

// The README's production path, as a user runs it: `npm run build` (skipped when the build folder
// already holds a build — `npm test` builds first), then `npm start` on a fresh database. The
// console serves /login, its API refuses an unauthenticated call, and the gateway it started
// answers /health and refuses a call without a token. SIGTERM stops everything.

const distDir = process.env.NEXT_DIST_DIR || '.next';
let fresh: Awaited<ReturnType<typeof createFreshDatabase>>;
let server: ChildProcess | undefined;
let output = '';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

async function waitFor(url: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (server?.exitCode !== null) throw new Error(`npm start exited:\n${output}`);
    if (
      await fetch(url).then(
        (r) => r.status < 500,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer:\n${output}`);
}

describe('npm run build && npm start', () => {
  let web: string;
  let gateway: string;

  beforeAll(async () => {
    if (!existsSync(path.join(distDir, 'BUILD_ID'))) {
      const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: process.env });
      expect(build.status).toBe(0);
    }
    fresh = await createFreshDatabase('start');
    const [webPort, gatewayPort] = [await freePort(), await freePort()];
    web = `http://127.0.0.1:${webPort}`;
    gateway = `http://127.0.0.1:${gatewayPort}`;
    // Detached: its own process group, so the cleanup can stop npm and everything under it.
    server = spawn('npm', ['start'], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        DATABASE_URL: fresh.url,
        PORT: String(webPort),
        GATEWAY_PORT: String(gatewayPort),
        NEXTAUTH_URL: web,
        NEXT_DIST_DIR: distDir,
        SEED_DEMO_DATA: 'never',
      },
    });
    server.stdout!.on('data', (d) => (output += String(d)));
    server.stderr!.on('data', (d) => (output += String(d)));
    await waitFor(`${web}/login`, 90_000);
    await waitFor(`${gateway}/health`, 30_000);
  }, 900_000);

  afterAll(async () => {
    if (server?.pid && server.exitCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      process.kill(-server.pid, 'SIGTERM');
      await exited;
    }
    await fresh?.drop();
  });

  it('serves the sign-in page', async () => {
    const res = await fetch(`${web}/login`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Sign in to Tollgate');
  });

  it('refuses unauthenticated API calls on the console and on the gateway', async () => {
    const me = await fetch(`${web}/api/v1/me`);
    expect(me.status).toBe(401);
    const usage = await fetch(`${gateway}/api/v1/usage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(usage.status).toBe(401);
    expect((await usage.json()).error.code).toBe('missing_token');
  });

  it('starts the gateway beside the console, healthy on the same database', async () => {
    const res = await fetch(`${gateway}/health`);
    expect(res.status).toBe(200);
    expect((await res.json()).database.ok).toBe(true);
  });
});
