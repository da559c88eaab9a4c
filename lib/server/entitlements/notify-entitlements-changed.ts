import type pg from 'pg';
import type { Tx } from '@/lib/db';

// Every instance keeps an in-process entitlement cache; a change to usage, plan or subscription
// is announced on this PostgreSQL channel (LISTEN/NOTIFY). Called inside the transaction that
// makes the change: PostgreSQL delivers the notification only if, and when, it commits.
export const ENTITLEMENTS_CHANNEL = 'tollgate_entitlements';

// Payload: {"customerIds":[…]} or {"all":true} (e.g. a plan's limits changed). NOTIFY payloads are
// capped at 8000 bytes, so long lists are sent as "all".
function payloadFor(customerIds: string[] | 'all'): string {
  const text = JSON.stringify(customerIds === 'all' ? { all: true } : { customerIds: [...new Set(customerIds)] });
  return text.length > 7900 ? JSON.stringify({ all: true }) : text;
}

export async function notifyEntitlementsChanged(tx: Tx, customerIds: string[] | 'all'): Promise<void> {
  if (customerIds !== 'all' && customerIds.length === 0) return;
  await tx.$executeRaw`SELECT pg_notify(${ENTITLEMENTS_CHANNEL}, ${payloadFor(customerIds)})`;
}

export async function notifyEntitlementsChangedSql(
  client: Pick<pg.PoolClient, 'query'>,
  customerIds: string[] | 'all',
): Promise<void> {
  if (customerIds !== 'all' && customerIds.length === 0) return;
  await client.query('SELECT pg_notify($1, $2)', [ENTITLEMENTS_CHANNEL, payloadFor(customerIds)]);
}
