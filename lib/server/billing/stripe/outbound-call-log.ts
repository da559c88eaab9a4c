import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import Stripe from 'stripe';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { ProviderError } from '@/lib/server/billing/billing-provider';
import { clock } from '@/lib/clock';
import { endpointAllowed, resolveAgentScope } from '@/lib/server/agent-scopes/agent-scope';

interface OutboundCall {
  method: string;
  endpoint: string;
  bodySha256: string;
  idempotencyKey: string | null;
  credential: string;
  responseStatus: number | null;
  error: string | null;
  requestedAt: Date;
  durationMs: number;
}

interface ActionCallContext {
  actionId: string;
  aiAgentId: string | null;
  /** The agent's allowed endpoints; null for a person's action (the application's own reach). */
  endpoints: readonly string[] | null;
  restrictedKey: string | null;
  calls: OutboundCall[];
  refused: string | null;
}

const current = new AsyncLocalStorage<ActionCallContext>();
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

// The Stripe HTTP client every Tollgate Stripe client uses. While an action executes (inside
// runWithOutboundLog) it is the agent's gateway: a call to an endpoint outside the agent's scope
// never leaves, the agent's restricted key replaces the application's when one is configured
// (STRIPE_AGENT_KEYS), and each request (method, endpoint, body hash, idempotency key) and its
// answer status is kept for the action. Outside an execution it only forwards.
export function outboundLoggingStripeHttpClient(inner = Stripe.createNodeHttpClient()): Stripe.HttpClient {
  const client = Object.create(inner) as Stripe.HttpClient;
  client.makeRequest = async (host, port, path, method, headers, requestData, protocol, timeout) => {
    const ctx = current.getStore();
    if (!ctx) return inner.makeRequest(host, port, path, method, headers, requestData, protocol, timeout);
    const endpoint = path.split('?')[0]!;
    if (ctx.endpoints && !endpointAllowed(ctx.endpoints, method, endpoint)) {
      ctx.refused = `${method} ${endpoint} is outside the scope of agent ${ctx.aiAgentId}`;
      throw new Error(ctx.refused);
    }
    const sent = ctx.restrictedKey ? { ...headers, Authorization: `Bearer ${ctx.restrictedKey}` } : headers;
    const key = (headers as Record<string, unknown>)['Idempotency-Key'];
    const call: OutboundCall = {
      method,
      endpoint,
      bodySha256: sha256(requestData ?? ''),
      idempotencyKey: typeof key === 'string' ? key : null,
      credential: ctx.restrictedKey ? `restricted:${ctx.aiAgentId}` : 'default',
      responseStatus: null,
      error: null,
      requestedAt: clock.now(),
      durationMs: 0,
    };
    const started = performance.now();
    ctx.calls.push(call);
    try {
      const res = await inner.makeRequest(host, port, path, method, sent, requestData, protocol, timeout);
      call.responseStatus = res.getStatusCode();
      return res;
    } catch (err) {
      call.error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      throw err;
    } finally {
      call.durationMs = Math.round(performance.now() - started);
    }
  };
  return client;
}

// Runs an action's billing calls with its agent's scope and credential, then stores every call
// with the action — also when the effect failed. An endpoint outside the scope fails the action
// for good (not retried) and is audited.
export async function runWithOutboundLog<T>(actionId: string, fn: () => Promise<T>): Promise<T> {
  const db = getDb();
  const action = await db.action.findUniqueOrThrow({
    where: { id: actionId },
    select: { aiAgentId: true, customerId: true },
  });
  const scope = action.aiAgentId ? resolveAgentScope(action.aiAgentId) : null;
  const ctx: ActionCallContext = {
    actionId,
    aiAgentId: action.aiAgentId,
    endpoints: scope?.status === 'scoped' ? scope.scope.endpoints : null,
    restrictedKey: action.aiAgentId ? (getEnv().STRIPE_AGENT_KEYS[action.aiAgentId] ?? null) : null,
    calls: [],
    refused: null,
  };
  try {
    return await current.run(ctx, fn);
  } catch (err) {
    if (!ctx.refused) throw err;
    await db.$transaction((tx) =>
      appendAuditEvent(tx, {
        actor: { type: 'system', id: 'executor' },
        action: 'agent.endpoint_refused',
        target: { type: 'action', id: actionId },
        customerId: action.customerId,
        aiAgentId: action.aiAgentId,
        data: { reason: ctx.refused },
      }),
    );
    throw new ProviderError(ctx.refused, 'out_of_scope', false, false);
  } finally {
    if (ctx.calls.length)
      await db.actionOutboundCall.createMany({
        data: ctx.calls.map((c) => ({ ...c, actionId, aiAgentId: action.aiAgentId, target: 'stripe' })),
      });
  }
}
