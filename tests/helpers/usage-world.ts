import { randomBytes } from 'node:crypto';
import { getDb, type Db } from '@/lib/db';
import { hashSecret } from '@/lib/server/ingest/authenticate-ingest-token';
import { uniq } from './fresh-database';
import { TEST_TRANSPORT } from './spawn-ingest-server';

export interface UsageWorld {
  customerId: string;
  externalId: string;
  apiKey: string;
  planId: string;
  meters: { sum: string; signed: string; peak: string; capped: string };
  meterIds: Record<'sum' | 'signed' | 'peak' | 'capped', string>;
  token: string;
  tokenId: string;
  source: string;
  periodEnd: Date;
}

export interface WorldOptions {
  failMode?: 'open' | 'closed';
  cappedIncluded?: number;
  cappedHardLimit?: number | null;
  subscription?: boolean;
}

// A self-contained customer for usage tests: its own meters (so counts are exact), a plan with
// limits, an active subscription, a customer API key and an ingest token of its own source.
export async function createUsageWorld(opts: WorldOptions = {}, db: Db = getDb()): Promise<UsageWorld> {
  const tag = uniq('w');
  const meter = (suffix: string, data: { aggregation: 'sum' | 'max'; allowNegative?: boolean }) =>
    db.meter.create({ data: { key: `${tag}_${suffix}`, name: suffix, unit: 'units', ...data } });
  const [sum, signed, peak, capped] = await Promise.all([
    meter('sum', { aggregation: 'sum' }),
    meter('signed', { aggregation: 'sum', allowNegative: true }),
    meter('peak', { aggregation: 'max' }),
    meter('capped', { aggregation: 'sum' }),
  ]);
  const plan = await db.plan.create({
    data: {
      key: `plan_${tag}`,
      name: 'Test plan',
      basePriceMinor: 1000,
      entitlementFailMode: opts.failMode ?? 'open',
      limits: {
        create: [
          { meterId: sum.id, includedQuantity: 1000, overageUnitPrice: 1 },
          { meterId: peak.id, includedQuantity: 50, overageUnitPrice: 1 },
          {
            meterId: capped.id,
            includedQuantity: opts.cappedIncluded ?? 100,
            hardLimit: opts.cappedHardLimit === undefined ? 150 : opts.cappedHardLimit,
            overageUnitPrice: 1,
          },
        ],
      },
    },
  });
  const apiKey = `tg_test_${randomBytes(12).toString('hex')}`;
  const periodEnd = new Date(Date.now() + 20 * 86_400_000);
  const customer = await db.customer.create({
    data: {
      name: `Customer ${tag}`,
      externalId: `ext_${tag}`,
      apiKeys: { create: { name: 'test', prefix: apiKey.slice(0, 12), keyHash: hashSecret(apiKey) } },
      subscriptions:
        opts.subscription === false
          ? undefined
          : {
              create: {
                planId: plan.id,
                status: 'active',
                currentPeriodStart: new Date(Date.now() - 10 * 86_400_000),
                currentPeriodEnd: periodEnd,
              },
            },
    },
  });
  const token = `tg_ingest_${randomBytes(18).toString('base64url')}`;
  const source = `src-${tag.toLowerCase().replace(/_/g, '-')}`;
  const t = await db.ingestToken.create({
    data: { name: 'test', source, prefix: token.slice(0, 16), tokenHash: hashSecret(token) },
  });
  return {
    customerId: customer.id,
    externalId: `ext_${tag}`,
    apiKey,
    planId: plan.id,
    meters: { sum: sum.key, signed: signed.key, peak: peak.key, capped: capped.key },
    meterIds: { sum: sum.id, signed: signed.id, peak: peak.id, capped: capped.id },
    token,
    tokenId: t.id,
    source,
    periodEnd,
  };
}

// The usage and entitlement specs run against both transports (TEST_TRANSPORT): the route
// handler called the way Next would, or the gateway server over HTTP, started in this process.
let gateway: Promise<string> | undefined;
async function gatewayUrl(): Promise<string> {
  gateway ??= (async () => {
    const { createGatewayServer } = await import('@/lib/gateway/create-gateway-server');
    const server = createGatewayServer({ maxInFlight: 1024 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    server.unref();
    return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  })();
  return gateway;
}

async function post(
  path: string,
  route: () => Promise<{ POST: (req: Request) => Promise<Response> }>,
  init: RequestInit,
) {
  if (TEST_TRANSPORT === 'gateway') {
    const res = await fetch(`${await gatewayUrl()}${path}`, { ...init, method: 'POST' });
    return { status: res.status, body: await res.json() };
  }
  const { POST } = await route();
  const res = await POST(new Request(`http://x${path}`, { ...init, method: 'POST' }));
  return { status: res.status, body: await res.json() };
}

export async function postUsage(
  token: string | null,
  body: unknown,
  contentType = 'application/json',
  raw?: string,
): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (token) headers.authorization = `Bearer ${token}`;
  return post('/api/v1/usage', () => import('@/app/api/v1/usage/route'), {
    headers,
    body: raw ?? JSON.stringify(body),
  });
}

export async function postCheck(token: string, body: unknown): Promise<{ status: number; body: any }> {
  return post('/api/v1/entitlements/check', () => import('@/app/api/v1/entitlements/check/route'), {
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
}

export const isoAgo = (ms: number) => new Date(Date.now() - ms).toISOString();

export function event(w: UsageWorld, overrides: Record<string, unknown> = {}) {
  return {
    idempotencyKey: uniq('evt'),
    customerId: w.customerId,
    meter: w.meters.sum,
    quantity: 1,
    timestamp: isoAgo(60_000),
    ...overrides,
  };
}
