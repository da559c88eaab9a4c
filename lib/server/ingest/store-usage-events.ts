import type pg from 'pg';
import { getPool } from '@/lib/db';
import { notifyEntitlementsChangedSql } from '@/lib/server/entitlements/notify-entitlements-changed';
import { insertUsageEvents, type StorableEvent, type StoreVerdict } from '@/lib/server/usage-store/insert-usage-events';

// Deadlock and serialization failures are safe to retry: the transaction left nothing behind.
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 3;

// Stores a batch in one transaction — events, hourly rollups and the entitlement-change
// notification commit together or not at all — and returns each event's verdict. It resolves
// only after COMMIT succeeded, so the caller never answers 2xx for an event that is not stored.
export async function storeUsageEvents(events: StorableEvent[]): Promise<StoreVerdict[]> {
  for (let attempt = 1; ; attempt++) {
    const client = await getPool().connect();
    try {
      const verdicts = await storeWith(client, events);
      client.release();
      return verdicts;
    } catch (err) {
      const rolledBack = await client.query('ROLLBACK').then(
        () => true,
        () => false,
      );
      // A connection that cannot even roll back is discarded rather than returned to the pool.
      client.release(rolledBack ? undefined : (err as Error));
      const code = (err as { code?: string }).code ?? '';
      if (!RETRYABLE.has(code) || attempt >= MAX_ATTEMPTS) throw err;
    }
  }
}

async function storeWith(client: pg.PoolClient, events: StorableEvent[]): Promise<StoreVerdict[]> {
  await client.query('BEGIN');
  const verdicts = await insertUsageEvents(client, events);
  const changed = new Set<string>();
  for (const [i, v] of verdicts.entries()) if (v === 'accepted') changed.add(events[i]!.customerId);
  // Delivered to every instance's listener only if, and when, this transaction commits.
  await notifyEntitlementsChangedSql(client, [...changed]);
  await client.query('COMMIT');
  return verdicts;
}
