import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { deliverDueOutbox } from '@/lib/server/outbox/deliver-outbox';
import { createIntegration } from '@/lib/server/integrations/save-integration';
import { uniq } from '../helpers/fresh-database';

// Finding #12: a receiver dripping bytes held a delivery forever (idle timeout, not a deadline),
// delivery was one message at a time, and `sent` was written whether or not the claim still stood.

type Handler = (req: IncomingMessage, res: ServerResponse, path: string) => void | Promise<void>;
let server: Server;
let base = '';
let handler: Handler = (_req, res) => void res.writeHead(200).end('ok');
const open = new Set<ServerResponse>();

beforeAll(async () => {
  server = createServer((req, res) => {
    open.add(res);
    res.on('close', () => open.delete(res));
    req.resume();
    req.on('end', () => void handler(req, res, req.url ?? '/'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.OUTBOUND_ALLOW_LOOPBACK = 'true';
  process.env.OUTBOX_DELIVERY_DEADLINE_MS = '1500';
  resetEnvForTests();
});
afterAll(async () => {
  delete process.env.OUTBOUND_ALLOW_LOOPBACK;
  delete process.env.OUTBOX_DELIVERY_DEADLINE_MS;
  resetEnvForTests();
  for (const res of open) res.destroy();
  await new Promise((r) => server.close(r));
});
beforeEach(async () => {
  await getDb().outboxMessage.updateMany({
    where: { status: { in: ['pending', 'failed', 'sending'] } },
    data: { status: 'dead' },
  });
});
afterEach(() => {
  for (const res of open) res.destroy();
});

const ADMIN = { id: 'usr_outbox_test', email: 'a@example.test', name: 'A', role: 'admin' as const };

// Each path is its own Slack integration, so each is its own destination.
async function enqueue(path: string, n = 1) {
  const hook = await createIntegration(ADMIN, { kind: 'slack', name: uniq(`hook${path}`), url: `${base}${path}` }, 'r');
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const msg = await getDb().outboxMessage.create({
      data: {
        channel: 'slack',
        destination: `integration:${hook.id}`,
        payload: { text: `message ${i}` },
        idempotencyKey: uniq('outbox'),
        createdAt: new Date(Date.now() + i),
      },
    });
    ids.push(msg.id);
  }
  return ids;
}

describe('outbox delivery deadline, concurrency and claims', () => {
  it('gives up on a receiver that drips its answer a byte at a time', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const drip = setInterval(() => res.write('.'), 100);
      res.on('close', () => clearInterval(drip));
    };
    const [id] = await enqueue('/drip');
    await deliverDueOutbox();
    const msg = await getDb().outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(msg.status).toBe('failed');
    expect(msg.lastError).toMatch(/deadline/);
  }, 8_000);

  it('serves several destinations at once', async () => {
    let inFlight = 0;
    let peak = 0;
    handler = (_req, res) => {
      peak = Math.max(peak, ++inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(200).end('ok');
      }, 300);
    };
    const ids = (await Promise.all(['/a', '/b', '/c', '/d'].map((p) => enqueue(p)))).flat();
    await deliverDueOutbox();
    expect(peak).toBeGreaterThanOrEqual(4);
    expect(await getDb().outboxMessage.count({ where: { id: { in: ids }, status: 'sent' } })).toBe(4);
  });

  it('keeps one destination in order, one message in flight at a time', async () => {
    const seen: string[] = [];
    let inFlight = 0;
    let peak = 0;
    handler = async (req, res) => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setTimeout(r, 50));
      inFlight--;
      seen.push(String(req.headers['idempotency-key']));
      res.writeHead(200).end('ok');
    };
    const ids = await enqueue('/ordered', 5);
    const keys = await getDb().outboxMessage.findMany({
      where: { id: { in: ids } },
      orderBy: { createdAt: 'asc' },
      select: { idempotencyKey: true },
    });
    await deliverDueOutbox();
    expect(peak).toBe(1);
    expect(seen).toEqual(keys.map((k) => k.idempotencyKey));
  });

  it('a later message waits while an earlier one to the same destination is retrying', async () => {
    let calls = 0;
    handler = (_req, res) => void res.writeHead(calls++ === 0 ? 503 : 200).end('x');
    const [first, second] = await enqueue('/retrying', 2);
    await deliverDueOutbox();
    expect(calls).toBe(1);
    const rows = await getDb().outboxMessage.findMany({ where: { id: { in: [first, second] } } });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({ [first]: 'failed', [second]: 'pending' });
  });

  it('a worker whose claim was taken over does not mark the message sent', async () => {
    const [id] = await enqueue('/taken-over');
    handler = async (_req, res) => {
      // Another worker claims the message meanwhile (its lease, attempt number).
      await getDb().outboxMessage.update({
        where: { id },
        data: { attempts: { increment: 1 }, nextAttemptAt: new Date(Date.now() + 60_000) },
      });
      res.writeHead(200).end('ok');
    };
    await deliverDueOutbox();
    const msg = await getDb().outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(msg).toMatchObject({ status: 'sending', attempts: 2, sentAt: null });
  });

  it('two workers racing over the same messages deliver each exactly once', async () => {
    const hits = new Map<string, number>();
    handler = (req, res) => {
      const key = String(req.headers['idempotency-key']);
      hits.set(key, (hits.get(key) ?? 0) + 1);
      setTimeout(() => res.writeHead(200).end('ok'), 20);
    };
    await Promise.all(['/r1', '/r2', '/r3'].map((p) => enqueue(p, 3)));
    await Promise.all([deliverDueOutbox(), deliverDueOutbox(), deliverDueOutbox()]);
    expect([...hits.values()]).toEqual(Array(9).fill(1));
  });
});
