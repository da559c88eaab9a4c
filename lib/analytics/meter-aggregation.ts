// The reference meaning of each meter aggregation, in plain code: what a period's events add up
// to, and what one more event makes of a running figure. The SQL readers
// (lib/server/usage/meter-aggregation-sql.ts) and the entitlement check must agree with it;
// tests/usage/aggregation-agreement.test.ts holds them to that.

export type MeterAggregation = 'sum' | 'count' | 'max' | 'unique_count';

export interface MeteredEvent {
  quantity: number;
  properties?: Record<string, unknown>;
}

/** A period's usage from its events (0 when there are none). */
export function aggregateUsage(
  aggregation: MeterAggregation,
  events: readonly MeteredEvent[],
  uniqueProperty?: string | null,
): number {
  switch (aggregation) {
    case 'sum':
      return events.reduce((total, e) => total + e.quantity, 0);
    case 'count':
      return events.length;
    case 'max':
      return events.reduce((peak, e) => Math.max(peak, e.quantity), events.length ? -Infinity : 0);
    case 'unique_count': {
      const seen = new Set<string>();
      for (const e of events) {
        const value = uniqueProperty ? e.properties?.[uniqueProperty] : undefined;
        if (value !== undefined && value !== null) seen.add(String(value));
      }
      return seen.size;
    }
  }
}

/**
 * The running figure after one more event of `quantity`: max keeps the peak; the others grow by
 * the quantity (for unique_count the check cannot know cheaply whether the value is new, so it
 * assumes it is — the conservative answer for a limit).
 */
export function usageAfter(aggregation: MeterAggregation, used: number, quantity: number): number {
  return aggregation === 'max' ? Math.max(used, quantity) : used + quantity;
}

/** Several hours' values combined into one (hour values of unique_count are first-seen counts, so they add). */
export function combineHours(aggregation: MeterAggregation, values: readonly number[]): number {
  return aggregation === 'max' ? values.reduce((a, v) => Math.max(a, v), 0) : values.reduce((a, v) => a + v, 0);
}
