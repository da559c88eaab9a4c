import type { PlatformConnectionTest } from '@/lib/server/billing-platforms/port';
import { resolveRecurlyClient } from './recurly-client';
import { describeRecurlyError } from './recurly-errors';

// "Test connection": one account read with the configured key (the smallest call every key
// that can import must be allowed), so a wrong key or region says so before an import does.
export async function testRecurlyConnection(): Promise<PlatformConnectionTest> {
  const client = await resolveRecurlyClient();
  if (!client) return { ok: false, message: 'Recurly is not connected: set RECURLY_API_KEY' };
  try {
    await client.listAccounts({ params: { limit: 1 } }).first();
    return { ok: true, message: `Recurly API ${client.apiVersion()} answers with this key` };
  } catch (err) {
    return { ok: false, message: `Recurly refused the key: ${describeRecurlyError(err)}` };
  }
}
