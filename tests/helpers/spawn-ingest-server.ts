import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';

export interface IngestServer {
  url: string;
  child: ChildProcess;
  kill: (signal?: NodeJS.Signals) => Promise<void>;
}

// Which transport the usage and entitlement specs talk to: the Next route handlers ('next',
// default) or the gateway process ('gateway', the Vitest project of that name sets it).
export const TEST_TRANSPORT = process.env.TEST_TRANSPORT === 'gateway' ? 'gateway' : 'next';

// Starts one node process (no tsx wrapper process, so a SIGKILL really kills the server) on the
// given database: tests/fixtures/ingest-http-server.ts (the Next route handlers on node:http), or
// with the gateway transport the real `npm run gateway` entry point, scripts/gateway.ts.
export async function spawnIngestServer(
  databaseUrl: string,
  port = 0,
  env: Record<string, string> = {},
): Promise<IngestServer> {
  const entry = TEST_TRANSPORT === 'gateway' ? 'scripts/gateway.ts' : 'tests/fixtures/ingest-http-server.ts';
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: {
      ...process.env,
      ...env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      GATEWAY_PORT: String(port),
      GATEWAY_HOST: '127.0.0.1',
      NODE_ENV: 'production',
      JOBS_IN_PROCESS: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const actualPort = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`ingest server did not start: ${stderr}`)), 30_000);
    child.stdout!.on('data', (d) => {
      const m = /(?:ready|listening on) (\d+)/.exec(String(d));
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`ingest server exited (${code}): ${stderr}`)));
  });
  return {
    url: `http://127.0.0.1:${actualPort}`,
    child,
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    },
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

// A small fetch over a keep-alive agent; network failures reject (e.g. the server was killed).
export function httpJson(
  url: string,
  token: string,
  body: unknown,
  contentType = 'application/json',
): Promise<{ status: number; body: any }> {
  const data = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': contentType, 'content-length': data.length, authorization: `Bearer ${token}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString() || 'null') });
          } catch (err) {
            reject(err);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}
