import http from 'node:http';
import type { TokenEndpoint } from '@/lib/api/api-reply';
import { entitlementCheckEndpoint } from '@/lib/api/endpoints/entitlement-check-endpoint';
import { usageEndpoint } from '@/lib/api/endpoints/usage-endpoint';
import { errorReply } from '@/lib/api/error-response';
import { requestIdFrom } from '@/lib/api/request-context';
import { authenticateIngestToken } from '@/lib/server/ingest/authenticate-ingest-token';
import { checkHealth } from '@/lib/server/health/check-health';
import { nodeBodySource, nodeHeaders } from './node-request';

export interface GatewayOptions {
  // Requests being served at once; one more is answered 503 overloaded at once, so a flood
  // queues at the caller (or its load balancer) instead of in this process's memory.
  maxInFlight: number;
}

const ENDPOINTS = new Map<string, TokenEndpoint>([usageEndpoint, entitlementCheckEndpoint].map((e) => [e.path, e]));

function send(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  requestId: string,
  extra?: Record<string, string>,
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-request-id': requestId,
    ...extra,
  });
  res.end(text);
}

function sendError(res: http.ServerResponse, status: number, code: string, message: string, requestId: string) {
  send(res, status, { error: { code, message, requestId } }, requestId, status === 503 ? { 'retry-after': '1' } : {});
}

async function serve(endpoint: TokenEndpoint, req: http.IncomingMessage, res: http.ServerResponse, requestId: string) {
  try {
    // The path names the token scope the endpoint needs (usage:write, entitlements:check).
    const caller = await authenticateIngestToken({ ...nodeHeaders(req), url: req.url });
    const reply = await endpoint.handle(caller, nodeBodySource(req), requestId);
    send(res, reply.status, reply.body, requestId);
  } catch (err) {
    const reply = errorReply(err, requestId);
    // After a body that was too large, close rather than keep reading what is left of it.
    const close: Record<string, string> = reply.status === 413 ? { connection: 'close' } : {};
    send(res, reply.status, reply.body, requestId, { ...reply.headers, ...close });
  }
}

// The gateway fast path: the same endpoints, token authentication, validation, domain functions
// and error envelope as the Next routes (lib/api/endpoints), on bare node:http with keep-alive.
// GET /health answers with the console's health body (GET /api/health); its status follows the
// database only, because the gateway runs no jobs and serves whenever PostgreSQL answers.
export function createGatewayServer({ maxInFlight }: GatewayOptions): http.Server {
  let inFlight = 0;
  const server = http.createServer((req, res) => {
    const requestId = requestIdFrom(req.headers['x-request-id'] as string | undefined);
    const q = req.url?.indexOf('?') ?? -1;
    const path = q >= 0 ? req.url!.slice(0, q) : (req.url ?? '/');
    if (path === '/health') {
      if (req.method !== 'GET') return sendError(res, 405, 'method_not_allowed', 'Use GET', requestId);
      void checkHealth().then(
        (health) => send(res, health.database.ok ? 200 : 503, health, requestId),
        (err: unknown) => {
          const reply = errorReply(err, requestId);
          send(res, reply.status, reply.body, requestId, reply.headers);
        },
      );
      return;
    }
    const endpoint = ENDPOINTS.get(path);
    if (!endpoint) return sendError(res, 404, 'not_found', `No route ${path} on the gateway`, requestId);
    if (req.method !== 'POST') return sendError(res, 405, 'method_not_allowed', 'Use POST', requestId);
    if (inFlight >= maxInFlight)
      return sendError(res, 503, 'overloaded', 'The gateway is at capacity; retry shortly', requestId);
    inFlight++;
    void serve(endpoint, req, res, requestId).finally(() => inFlight--);
  });
  // Longer than the usual load balancer idle timeout (60 s), so the balancer closes first.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 30_000;
  return server;
}
