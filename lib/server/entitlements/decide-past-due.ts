import type { EntitlementAnswer, PastDuePhase } from '@/lib/schemas/entitlements';
import { decideEntitlement } from './decide-entitlement';
import type { MeterEntitlement } from './entitlement-cache';

// Dunning grace for the entitlement check. While a subscription is past due, counted from the
// first failed payment of its oldest unpaid invoice:
//   grace       (< allowDays)        answered as usual
//   soft_limit  (< refuseAfterDays)  only the plan's included quantity: no overage, the hard limit
//                                    lowered to the included amount (`past_due_soft_limit`)
//   refused     (≥ refuseAfterDays)  refused (`past_due`)
// The phase is worked out at answer time from the stored instants, so a cached entry moves from
// one phase to the next on time without being reloaded. Pure.

export const DEFAULT_PAST_DUE_POLICY = { allowDays: 14, refuseAfterDays: 21 } as const;
const DAY_MS = 86_400_000;

export interface PastDueGrace {
  sinceMs: number;
  softLimitFromMs: number;
  refuseFromMs: number;
}

export function pastDueGrace(sinceMs: number, policy: { allowDays: number; refuseAfterDays: number }): PastDueGrace {
  const soft = sinceMs + policy.allowDays * DAY_MS;
  return { sinceMs, softLimitFromMs: soft, refuseFromMs: Math.max(soft, sinceMs + policy.refuseAfterDays * DAY_MS) };
}

export function pastDuePhase(g: PastDueGrace, now: number): PastDuePhase {
  return now >= g.refuseFromMs ? 'refused' : now >= g.softLimitFromMs ? 'soft_limit' : 'grace';
}

const iso = (ms: number) => new Date(ms).toISOString();

export function decideWithGrace(
  m: MeterEntitlement,
  quantity: number,
  resetsAt: string | null,
  grace: PastDueGrace | null,
  now: number,
): EntitlementAnswer {
  if (grace === null) return decideEntitlement(m, quantity, resetsAt);
  const phase = pastDuePhase(grace, now);
  const pastDue = {
    phase,
    since: iso(grace.sinceMs),
    softLimitFrom: iso(grace.softLimitFromMs),
    refuseFrom: iso(grace.refuseFromMs),
  };
  if (phase === 'grace') return { ...decideEntitlement(m, quantity, resetsAt), pastDue };
  if (phase === 'refused') {
    const base = decideEntitlement(m, 0, resetsAt);
    return { ...base, allowed: false, reason: 'past_due', pastDue };
  }
  const capped = decideEntitlement(
    { ...m, hardLimit: Math.min(m.hardLimit ?? m.included, m.included) },
    quantity,
    resetsAt,
  );
  return capped.allowed ? { ...capped, pastDue } : { ...capped, reason: 'past_due_soft_limit', pastDue };
}
