import { createHash } from 'node:crypto';

// The payload hash decides duplicate (same key, same hash) vs conflict (same key, other hash).
// It covers what the event means once resolved — customer id, meter id, quantity, time,
// canonical properties — so one event sent by customer id and again by API key is a duplicate.
export function hashUsageEvent(
  customerId: string,
  meterId: string,
  quantity: number,
  occurredAtMs: number,
  propertiesJson: string,
): string {
  return createHash('sha256')
    .update(`v1\n${customerId}\n${meterId}\n${quantity}\n${occurredAtMs}\n${propertiesJson}`)
    .digest('hex');
}
