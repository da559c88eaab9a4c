import { getEnv } from '@/lib/env';
import { isDatabaseUnavailable } from '@/lib/server/db/is-database-unavailable';
import type { EntitlementAnswer, EntitlementCheckInput } from '@/lib/schemas/entitlements';
import { hashSecret } from '@/lib/server/usage-store/hash-secret';
import { cachedMeters, getMeters, type MeterInfo } from '@/lib/server/usage-store/usage-ref-cache';
import { decideWithGrace } from './decide-past-due';
import { getEntitlementCache, type CustomerEntitlements, type FailMode, type RefKind } from './entitlement-cache';
import { loadCustomerEntitlements } from './load-customer-entitlements';
import { clock } from '@/lib/clock';

export interface EntitlementRef {
  kind: RefKind;
  ref: string; // customer id, external id, or the API key's sha256
}

export function entitlementRefOf(
  input: Pick<EntitlementCheckInput, 'apiKey' | 'apiKeyHash' | 'customerId' | 'externalCustomerId'>,
): EntitlementRef {
  if (input.apiKey !== undefined) return { kind: 'apiKey', ref: hashSecret(input.apiKey) };
  if (input.apiKeyHash !== undefined) return { kind: 'apiKey', ref: input.apiKeyHash };
  if (input.customerId !== undefined) return { kind: 'id', ref: input.customerId };
  return { kind: 'external', ref: input.externalCustomerId! };
}

const denied = (
  reason: 'unknown_customer' | 'no_subscription' | 'unknown_meter' | 'not_in_plan',
  resetsAt: string | null = null,
): EntitlementAnswer => ({
  allowed: false,
  reason,
  limit: null,
  remaining: null,
  used: null,
  resetsAt,
});

// The answer from a loaded entry; undefined only when the meter catalogue is needed and not cached.
export function answerFor(
  entry: CustomerEntitlements,
  meterKey: string,
  quantity: number,
  meters: Map<string, MeterInfo> | null,
  now = clock.nowMs(),
): EntitlementAnswer | undefined {
  if (entry.state !== 'ok') return denied(entry.state);
  const m = entry.meters.get(meterKey);
  if (m !== undefined) return decideWithGrace(m, quantity, entry.resetsAt, entry.pastDue, now);
  if (!meters) return undefined;
  return denied(meters.has(meterKey) ? 'not_in_plan' : 'unknown_meter', entry.resetsAt);
}

// The in-process hot path: a cache hit answers synchronously with no I/O; undefined on a miss.
export function checkEntitlementCached(
  ref: EntitlementRef,
  meterKey: string,
  quantity: number,
  now = clock.nowMs(),
): EntitlementAnswer | undefined {
  const entry = getEntitlementCache().get(ref.kind, ref.ref, now);
  return entry === undefined ? undefined : answerFor(entry, meterKey, quantity, cachedMeters(now), now);
}

export function failAnswer(mode: FailMode): EntitlementAnswer {
  return {
    allowed: mode === 'open',
    reason: mode === 'open' ? 'fail_open' : 'fail_closed',
    limit: null,
    remaining: null,
    used: null,
    resetsAt: null,
  };
}

// After the database was found unreachable, answer from the fail mode for a second without
// trying again, so a gateway's checks stay fast during an outage instead of each waiting on a
// connection attempt.
const OUTAGE_RECHECK_MS = 1_000;
const g = globalThis as unknown as {
  tollgateEntitlementLoads?: { pending: Map<string, Promise<CustomerEntitlements>>; downUntil: number };
};
const loads = (g.tollgateEntitlementLoads ??= { pending: new Map(), downUntil: 0 });

// What the plan of the customer behind `ref` does when the database cannot be reached — as
// last seen by this process. A customer never seen gets ENTITLEMENT_UNKNOWN_FAIL_MODE (closed
// by default: without a known plan, refusing is the safe answer).
export function failModeFor(ref: EntitlementRef): FailMode {
  return getEntitlementCache().failModeFor(ref.kind, ref.ref) ?? getEnv().ENTITLEMENT_UNKNOWN_FAIL_MODE;
}

function loadShared(ref: EntitlementRef): Promise<CustomerEntitlements> {
  const key = `${ref.kind}:${ref.ref}`;
  let p = loads.pending.get(key);
  if (!p) {
    p = loadCustomerEntitlements(ref.kind, ref.ref).finally(() => loads.pending.delete(key));
    loads.pending.set(key, p);
  }
  return p;
}

// Cache first; on a miss one query (shared by concurrent misses for the same reference), kept
// for the next checks. With the database unreachable: the plan's fail mode.
export async function checkEntitlement(
  ref: EntitlementRef,
  meterKey: string,
  quantity: number,
): Promise<EntitlementAnswer> {
  const now = clock.nowMs();
  const hit = checkEntitlementCached(ref, meterKey, quantity, now);
  if (hit) return hit;
  if (now < loads.downUntil) return failAnswer(failModeFor(ref));
  const cache = getEntitlementCache();
  try {
    const seq = cache.beginLoad();
    const [entry, meters] = await Promise.all([loadShared(ref), getMeters([meterKey])]);
    cache.put(ref.kind, ref.ref, entry, seq, clock.nowMs());
    return answerFor(entry, meterKey, quantity, meters, now)!;
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    loads.downUntil = clock.nowMs() + OUTAGE_RECHECK_MS;
    return failAnswer(failModeFor(ref));
  }
}
