import type { Client } from 'recurly';
import DefaultHttpAdapter from 'recurly/lib/recurly/DefaultHttpAdapter';
import { getEnv } from '@/lib/env';
import { RecurlyClient } from './recurly-sdk';

// The SDK always addresses https://v3.recurly.com. RECURLY_API_BASE (a local fake in tests)
// replaces that origin through the SDK's own extension point, an HttpAdapter: the path, query,
// headers (Basic auth, Accept: application/vnd.recurly.v2021-02-25, Idempotency-Key) and body
// stay exactly what the SDK built.
class RebasedHttpAdapter extends DefaultHttpAdapter {
  constructor(private readonly base: URL) {
    super({ timeout: 30_000 });
  }

  override execute(method: string, url: string, headers: Record<string, string>, body: string | null) {
    const target = new URL(url);
    const rebased = new URL(`${target.pathname}${target.search}`, this.base);
    return super.execute(method, rebased.toString(), headers, body);
  }
}

export function recurlyClientFor(apiKey: string): Client {
  const base = getEnv().RECURLY_API_BASE;
  const httpAdapter = base ? new RebasedHttpAdapter(new URL(base)) : new DefaultHttpAdapter({ timeout: 30_000 });
  return new RecurlyClient(apiKey, { httpAdapter });
}

// One client per key and base: each client's adapter keeps its own keep-alive agents, so a
// client per notification would leave a pool of idle sockets behind every one.
let cached: { apiKey: string; base: string | undefined; client: Client } | null = null;

/** The SDK client for RECURLY_API_KEY; null when Recurly is not connected. */
export async function resolveRecurlyClient(): Promise<Client | null> {
  const { RECURLY_API_KEY: apiKey, RECURLY_API_BASE: base } = getEnv();
  if (!apiKey) return null;
  if (cached?.apiKey !== apiKey || cached.base !== base) cached = { apiKey, base, client: recurlyClientFor(apiKey) };
  return cached.client;
}
