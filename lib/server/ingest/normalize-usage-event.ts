import { USAGE_LIMITS, type EventError } from '@/lib/schemas/usage';
import { canonicalJson } from '@/lib/server/audit/canonical-json';
import { inspectJsonValue, inspectString } from './inspect-json-value';
import { mapCloudEvent } from './map-cloud-event';

import type { CustomerRef, CustomerRefKind } from '@/lib/server/usage-store/usage-ref-cache';

export type { CustomerRef, CustomerRefKind };

// The fields of one event before validation, whichever wire format it came in.
export interface UsageEventFields {
  idempotencyKey: unknown;
  customer: { kind: CustomerRefKind; value: unknown } | undefined | EventError;
  meter: unknown;
  quantity: unknown;
  timestamp: unknown;
  properties: unknown;
  fieldNames: Record<'idempotencyKey' | 'customer' | 'meter' | 'quantity' | 'timestamp' | 'properties', string>;
}

export interface NormalizedEvent {
  idempotencyKey: string;
  customer: CustomerRef;
  meterKey: string;
  quantity: number;
  occurredAtMs: number;
  propertiesJson: string; // canonical: the stored value and part of the payload hash
}

const JSON_NAMES: UsageEventFields['fieldNames'] = {
  idempotencyKey: 'idempotencyKey',
  customer: 'customerId',
  meter: 'meter',
  quantity: 'quantity',
  timestamp: 'timestamp',
  properties: 'properties',
};
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;
const err = (code: string, message: string): EventError => ({ code, message });
const isError = (v: unknown): v is EventError => typeof v === 'object' && v !== null && 'code' in v && 'message' in v;

function jsonFields(raw: Record<string, unknown>): UsageEventFields {
  const given = (['customerId', 'externalCustomerId', 'apiKey'] as const).filter((k) => raw[k] !== undefined);
  const kinds = { customerId: 'id', externalCustomerId: 'external', apiKey: 'apiKey' } as const;
  const customer =
    given.length > 1
      ? err('ambiguous_customer', 'Send exactly one of customerId, externalCustomerId, apiKey')
      : given.length === 1
        ? { kind: kinds[given[0]!], value: raw[given[0]!] }
        : undefined;
  return {
    idempotencyKey: raw.idempotencyKey,
    customer,
    meter: raw.meter,
    quantity: raw.quantity,
    timestamp: raw.timestamp,
    properties: raw.properties,
    fieldNames: JSON_NAMES,
  };
}

function checkRef(value: unknown, field: string, missing: string, invalid: string): string | EventError {
  if (value === undefined || value === null || value === '') return err(missing, `${field} is required`);
  if (typeof value !== 'string') return err(invalid, `${field} must be a string`);
  if (value.length > USAGE_LIMITS.maxRefLength)
    return err(invalid, `${field} is longer than ${USAGE_LIMITS.maxRefLength} characters`);
  return inspectString(value, field) ?? value;
}

function checkQuantity(q: unknown, field: string): number | EventError {
  if (q === undefined || q === null) return err('missing_quantity', `${field} is required`);
  if (typeof q !== 'number')
    return err('invalid_quantity', `${field} must be a JSON number, not ${Array.isArray(q) ? 'an array' : typeof q}`);
  if (!Number.isFinite(q)) return err('invalid_quantity', `${field} must be a finite number`);
  if (Math.abs(q) > Number.MAX_SAFE_INTEGER)
    return err('quantity_out_of_range', `${field} must be between -(2^53-1) and 2^53-1`);
  // numeric(30,9) would round silently; billing data is refused rather than changed.
  if (Number(q.toFixed(9)) !== q) return err('quantity_too_precise', `${field} has more than 9 decimal places`);
  return q === 0 ? 0 : q; // folds -0 into 0 so it hashes like 0
}

function checkTimestamp(t: unknown, field: string, now: number): number | EventError {
  if (t === undefined || t === null || t === '') return err('missing_timestamp', `${field} is required`);
  if (typeof t !== 'string')
    return err('invalid_timestamp', `${field} must be an RFC 3339 string such as 2026-01-31T12:00:00Z`);
  const m = RFC3339.exec(t);
  // Fractions beyond milliseconds are cut: storage keeps milliseconds.
  const ms = m
    ? Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${(m[7] ?? '').slice(0, 4)}${m[8]!.toUpperCase()}`)
    : NaN;
  if (!m || Number.isNaN(ms) || Number(m[2]) > 12 || Number(m[3]) > 31 || Number(m[4]) > 23) {
    return err(
      'invalid_timestamp',
      `${field} must be an RFC 3339 string with a time zone, such as 2026-01-31T12:00:00Z`,
    );
  }
  if (ms < now - USAGE_LIMITS.maxAgeMs) return err('timestamp_too_old', `${field} is more than 35 days in the past`);
  if (ms > now + USAGE_LIMITS.maxFutureMs)
    return err('timestamp_in_future', `${field} is more than 5 minutes in the future`);
  return ms;
}

function checkProperties(p: unknown, field: string): string | EventError {
  if (p === undefined || p === null) return '{}';
  if (typeof p !== 'object' || Array.isArray(p)) return err('invalid_properties', `${field} must be a JSON object`);
  const bad = inspectJsonValue(p, field, USAGE_LIMITS.maxPropertiesDepth);
  if (bad) return bad;
  const json = canonicalJson(p);
  if (Buffer.byteLength(json) > USAGE_LIMITS.maxPropertiesBytes) {
    return err(
      'properties_too_large',
      `${field} is larger than ${USAGE_LIMITS.maxPropertiesBytes} bytes when serialized`,
    );
  }
  return json;
}

// Validates one event (JSON or CloudEvent) into its normalized form, or the first rule it breaks,
// checked in a fixed order so every defect has one exact code. Customer and meter existence and
// the meter's sign rule are checked later, against the catalogue.
export function normalizeUsageEvent(
  raw: unknown,
  format: 'json' | 'cloudevents',
  now: number,
): NormalizedEvent | EventError {
  if (format === 'json' && (typeof raw !== 'object' || raw === null || Array.isArray(raw))) {
    return err('invalid_event', 'Each event must be a JSON object');
  }
  const f = format === 'json' ? jsonFields(raw as Record<string, unknown>) : mapCloudEvent(raw);
  if (isError(f)) return f;
  const n = f.fieldNames;
  const key = checkRef(f.idempotencyKey, n.idempotencyKey, 'missing_idempotency_key', 'invalid_idempotency_key');
  if (isError(key)) return key;
  if (f.customer === undefined)
    return err(
      'missing_customer',
      `One of customerId, externalCustomerId, apiKey is required${format === 'cloudevents' ? ' (CloudEvent subject)' : ''}`,
    );
  if (isError(f.customer)) return f.customer;
  const customerName =
    format === 'json'
      ? ({ id: 'customerId', external: 'externalCustomerId', apiKey: 'apiKey', subject: 'subject' } as const)[
          f.customer.kind
        ]
      : n.customer;
  const customer = checkRef(f.customer.value, customerName, 'missing_customer', 'invalid_customer');
  if (isError(customer)) return customer;
  const meter = checkRef(f.meter, n.meter, 'missing_meter', 'invalid_meter');
  if (isError(meter)) return meter;
  const quantity = checkQuantity(f.quantity, n.quantity);
  if (isError(quantity)) return quantity;
  const occurredAtMs = checkTimestamp(f.timestamp, n.timestamp, now);
  if (isError(occurredAtMs)) return occurredAtMs;
  const propertiesJson = checkProperties(f.properties, n.properties);
  if (isError(propertiesJson)) return propertiesJson;
  return {
    idempotencyKey: key,
    customer: { kind: f.customer.kind, value: customer },
    meterKey: meter,
    quantity,
    occurredAtMs,
    propertiesJson,
  };
}

export { isError as isEventError };
