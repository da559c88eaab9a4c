import type { EventError } from '@/lib/schemas/usage';
import type { UsageEventFields } from './normalize-usage-event';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// OpenMeter's CloudEvents shape → Tollgate's event fields:
//   id → idempotencyKey · type → meter key · subject → customer (id, then external id)
//   time → timestamp · data.value (or data.quantity) → quantity · the rest of data → properties
// `source` and `specversion` ("1.0") are required by CloudEvents and checked, not stored: the
// idempotency namespace is the ingest token's source. Unlike OpenMeter, `time` is required, so a
// retried event hashes identically.
export function mapCloudEvent(ce: unknown): UsageEventFields | EventError {
  if (!isObject(ce)) return { code: 'invalid_event', message: 'Each CloudEvent must be a JSON object' };
  if (ce.specversion !== '1.0') return { code: 'invalid_cloudevent', message: 'CloudEvent specversion must be "1.0"' };
  if (typeof ce.source !== 'string' || ce.source === '')
    return { code: 'invalid_cloudevent', message: 'CloudEvent source must be a non-empty string' };
  if (ce.datacontenttype !== undefined && ce.datacontenttype !== 'application/json') {
    return { code: 'invalid_cloudevent', message: 'CloudEvent datacontenttype must be application/json' };
  }
  if (ce.data !== undefined && !isObject(ce.data))
    return { code: 'invalid_cloudevent', message: 'CloudEvent data must be a JSON object' };
  const data = (ce.data ?? {}) as Record<string, unknown>;
  const { value, quantity, ...properties } = data;
  if (value !== undefined && quantity !== undefined) {
    return { code: 'invalid_cloudevent', message: 'CloudEvent data has both value and quantity; send one' };
  }
  return {
    idempotencyKey: ce.id,
    customer: ce.subject === undefined ? undefined : { kind: 'subject', value: ce.subject },
    meter: ce.type,
    quantity: value ?? quantity,
    timestamp: ce.time,
    properties,
    fieldNames: {
      idempotencyKey: 'id',
      customer: 'subject',
      meter: 'type',
      quantity: 'data.value',
      timestamp: 'time',
      properties: 'data',
    },
  };
}
