import type { AddressInfo } from 'node:net';
import { getPool } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { startChangeFeed, stopChangeFeed } from '@/lib/server/entitlements/entitlement-cache';
import { flushIngestStats } from '@/lib/server/ingest/record-ingest-stats';
import { createGatewayServer } from './create-gateway-server';

export interface RunningGateway {
  port: number;
  stop: () => Promise<void>;
}

// Listens on GATEWAY_HOST:GATEWAY_PORT (0 picks a free port) with the change feed already
// listening, so the first requests find a warm token and entitlement cache path. stop() lets
// in-flight requests finish, then flushes ingest counters and closes the database connections.
export async function startGateway(port = getEnv().GATEWAY_PORT): Promise<RunningGateway> {
  const env = getEnv();
  const server = createGatewayServer({ maxInFlight: env.GATEWAY_MAX_IN_FLIGHT });
  startChangeFeed();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, env.GATEWAY_HOST, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    stop: async () => {
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeIdleConnections();
      await closed;
      await flushIngestStats().catch(() => {});
      await stopChangeFeed().catch(() => {});
      await getPool()
        .end()
        .catch(() => {});
    },
  };
}
