import { getPool } from '@/lib/db';
import { ENTITLEMENTS_CHANNEL } from '@/lib/server/entitlements/notify-entitlements-changed';
import { insertUsageEvents, type StorableEvent, type StoreVerdict } from '@/lib/server/usage-store/insert-usage-events';

// Deadlock and serialization failures are safe to retry: the statement left nothing behind.
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 3;

// Stores a batch as one statement, which is its own transaction — events, hourly rollups and the
// entitlement-change notification commit together or not at all, in one round trip — and
// returns each event's verdict. It resolves only after that commit, so the caller never answers
// 2xx for an event that is not stored.
export async function storeUsageEvents(events: StorableEvent[]): Promise<StoreVerdict[]> {
  for (let attempt = 1; ; attempt++) {
    const client = await getPool().connect();
    try {
      const verdicts = await insertUsageEvents(client, events, ENTITLEMENTS_CHANNEL);
      client.release();
      return verdicts;
    } catch (err) {
      // A connection that failed mid-statement is discarded rather than returned to the pool.
      client.release(err as Error);
      const code = (err as { code?: string }).code ?? '';
      if (!RETRYABLE.has(code) || attempt >= MAX_ATTEMPTS) throw err;
    }
  }
}
