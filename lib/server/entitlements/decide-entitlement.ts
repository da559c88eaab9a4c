import { usageAfter } from '@/lib/analytics/meter-aggregation';
import type { EntitlementAnswer } from '@/lib/schemas/entitlements';
import type { MeterEntitlement } from './entitlement-cache';

// The rule, for a customer with a plan that meters this key:
//   limit     = the plan's hard_limit when set, else its included quantity
//   after     = used + quantity (sum, count, unique_count) or max(used, quantity) (max meters)
//   allowed   = false with 'limit_exceeded' when a hard limit is set and after > hard_limit;
//               otherwise true — 'overage' when after > included (billed as overage),
//               'within_limit' otherwise
//   remaining = max(0, limit − used), before this call's quantity (after it, for a reservation)
// Pure and allocation-light: it is the whole cache-hit path of a check.
export function decideEntitlement(m: MeterEntitlement, quantity: number, resetsAt: string | null): EntitlementAnswer {
  const after = usageAfter(m.aggregation, m.used, quantity);
  const limit = m.hardLimit ?? m.included;
  const remaining = limit > m.used ? limit - m.used : 0;
  if (m.hardLimit !== null && after > m.hardLimit) {
    return { allowed: false, reason: 'limit_exceeded', limit, remaining, used: m.used, resetsAt };
  }
  return {
    allowed: true,
    reason: after > m.included ? 'overage' : 'within_limit',
    limit,
    remaining,
    used: m.used,
    resetsAt,
  };
}
