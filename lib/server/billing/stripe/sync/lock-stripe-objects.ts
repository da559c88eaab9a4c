import type { Tx } from '@/lib/db';

const OBJECT_LOCK_NAMESPACE = 7_311_202;

// Serialises handlers that touch the same Stripe objects (different events about one invoice,
// or a subscription and its customer stub), so "read stored state → compare ordering → write"
// cannot interleave. Transaction-scoped advisory locks, taken in sorted order so two handlers
// never wait on each other in a cycle; re-entrant, so nested helpers may lock the same ids again.
export async function lockStripeObjects(tx: Tx, externalIds: (string | null | undefined)[]): Promise<void> {
  const keys = [...new Set(externalIds.filter((id): id is string => Boolean(id)))].sort();
  for (const key of keys) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${OBJECT_LOCK_NAMESPACE}::int4, hashtext(${key}))`;
  }
}
