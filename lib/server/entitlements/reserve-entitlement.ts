import { usageAfter } from '@/lib/analytics/meter-aggregation';
import { getPool } from '@/lib/db';
import { ApiError } from '@/lib/errors';
import { isDatabaseUnavailable } from '@/lib/server/db/is-database-unavailable';
import type { EntitlementAnswer } from '@/lib/schemas/entitlements';
import { hashUsageEvent } from '@/lib/server/usage-store/hash-usage-event';
import { insertUsageEvents } from '@/lib/server/usage-store/insert-usage-events';
import { getMeters } from '@/lib/server/usage-store/usage-ref-cache';
import { failAnswer, failModeFor, type EntitlementRef } from './check-entitlement';
import { decideWithGrace } from './decide-past-due';
import { invalidateEntitlements } from './entitlement-cache';
import { loadCustomerEntitlements } from './load-customer-entitlements';
import { notifyEntitlementsChangedSql } from './notify-entitlements-changed';
import { clock } from '@/lib/clock';

// Reservations are usage events of this source, keyed by the caller's idempotency key.
export const RESERVE_SOURCE = 'entitlement-reserve';
// Class id of the per-(customer, meter) advisory locks (two-key form: its own lock space).
const RESERVE_LOCK_CLASS = 73_112;

const notRecorded = (a: EntitlementAnswer): EntitlementAnswer => ({ ...a, reservation: 'not_recorded' });

// Check-then-consume in one transaction: lock the (customer, meter) pair, re-read usage under
// the lock, decide, and if allowed record the quantity as a usage event (with its rollup and the
// entitlement NOTIFY). Two concurrent reservations serialise on the lock, so they can never both
// take the last unit. A retry with the same key answers 'duplicate' without consuming again; the
// same key with another quantity/customer/meter is 409 idempotency_conflict.
export async function reserveEntitlement(
  ref: EntitlementRef,
  meterKey: string,
  quantity: number,
  idempotencyKey: string,
): Promise<EntitlementAnswer> {
  let client;
  try {
    const meter = (await getMeters([meterKey])).get(meterKey);
    client = await getPool().connect();
    await client.query('BEGIN');
    const who = await loadCustomerEntitlements(ref.kind, ref.ref, client);
    if (who.state !== 'ok')
      return notRecorded(
        await rollback(client, {
          allowed: false,
          reason: who.state,
          limit: null,
          remaining: null,
          used: null,
          resetsAt: null,
        }),
      );
    if (!meter || !who.meters.has(meterKey)) {
      return notRecorded(
        await rollback(client, {
          allowed: false,
          reason: meter ? 'not_in_plan' : 'unknown_meter',
          limit: null,
          remaining: null,
          used: null,
          resetsAt: who.resetsAt,
        }),
      );
    }
    const customerId = who.customerId!;
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
      RESERVE_LOCK_CLASS,
      `${customerId}/${meter.id}`,
    ]);
    const fresh = await loadCustomerEntitlements('id', customerId, client);
    const m = fresh.meters.get(meterKey);
    if (fresh.state !== 'ok' || !m)
      return notRecorded(
        await rollback(client, {
          allowed: false,
          reason: fresh.state === 'ok' ? 'not_in_plan' : fresh.state,
          limit: null,
          remaining: null,
          used: null,
          resetsAt: null,
        }),
      );

    // The time is left out of the hash: a retry a second later is the same reservation.
    const payloadHash = hashUsageEvent(customerId, meter.id, quantity, 0, '{}');
    const prior = await client.query<{ payload_hash: string }>(
      'SELECT payload_hash FROM usage_events WHERE source = $1 AND idempotency_key = $2',
      [RESERVE_SOURCE, idempotencyKey],
    );
    if (prior.rows[0]) {
      await client.query('ROLLBACK');
      if (prior.rows[0].payload_hash !== payloadHash)
        throw new ApiError(
          409,
          'idempotency_conflict',
          'This idempotency key already reserved a different quantity, customer or meter',
        );
      const now = decideWithGrace(m, 0, fresh.resetsAt, fresh.pastDue, clock.nowMs());
      return {
        ...now,
        allowed: true,
        reason: m.used > m.included ? 'overage' : 'within_limit',
        reservation: 'duplicate',
      };
    }
    const decision = decideWithGrace(m, quantity, fresh.resetsAt, fresh.pastDue, clock.nowMs());
    if (!decision.allowed) return notRecorded(await rollback(client, decision));
    const [verdict] = await insertUsageEvents(client, [
      {
        source: RESERVE_SOURCE,
        idempotencyKey,
        customerId,
        meterId: meter.id,
        quantity,
        occurredAtMs: clock.nowMs(),
        propertiesJson: '{}',
        payloadHash,
      },
    ]);
    // The same key used meanwhile for another customer or meter (which holds another lock).
    if (verdict !== 'accepted')
      throw new ApiError(
        409,
        'idempotency_conflict',
        'This idempotency key was used concurrently for another reservation',
      );
    await notifyEntitlementsChangedSql(client, [customerId]);
    await client.query('COMMIT');
    invalidateEntitlements([customerId]);
    const used = usageAfter(m.aggregation, m.used, quantity);
    const limit = decision.limit!;
    return { ...decision, used, remaining: limit > used ? limit - used : 0, reservation: 'recorded' };
  } catch (err) {
    if (client) {
      const ok = await client.query('ROLLBACK').then(
        () => true,
        () => false,
      );
      client.release(ok ? undefined : (err as Error));
      client = undefined;
    }
    if (isDatabaseUnavailable(err)) return notRecorded(failAnswer(failModeFor(ref)));
    throw err;
  } finally {
    client?.release();
  }
}

async function rollback(
  client: { query: (sql: string) => Promise<unknown> },
  answer: EntitlementAnswer,
): Promise<EntitlementAnswer> {
  await client.query('ROLLBACK');
  return answer;
}
