// Tolerant readers over Stripe JSON of any API version. Stripe objects arrive as plain JSON
// (webhook bodies) or as SDK objects (re-fetches); fields come and go between versions, so
// every reader returns null for "absent or not the expected type" and never throws. Only
// `requireId` throws, with the field path, for ids a record cannot exist without.

export type StripeObjectLike = Record<string, unknown>;
type PathKey = string | number;

/** A required field (an id) is missing or malformed in a Stripe object. */
export class StripeNormalizeError extends Error {
  readonly path: string;
  constructor(path: string, detail: string) {
    super(`Stripe object ${path}: ${detail}`);
    this.name = 'StripeNormalizeError';
    this.path = path;
  }
}

export function asRecord(value: unknown): StripeObjectLike | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as StripeObjectLike) : null;
}

/** Reads a nested value: get(obj, 'parent', 'subscription_details', 'subscription'). */
export function get(value: unknown, ...path: PathKey[]): unknown {
  let current: unknown = value;
  for (const key of path) {
    if (typeof key === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[key];
    } else {
      const record = asRecord(current);
      if (!record) return undefined;
      current = record[key];
    }
  }
  return current;
}

export function asString(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export function asBoolean(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

/** Integer amounts / counts (Stripe never sends fractional minor units). */
export function asInt(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : null;
}

/** Unix seconds → Date. */
export function asDate(value: unknown): Date | null {
  return typeof value === 'number' && Number.isFinite(value) ? new Date(value * 1000) : null;
}

/** Decimal strings; the SDK may hand back a Decimal object, which stringifies losslessly. */
export function asDecimalString(value: unknown): string | null {
  if (typeof value === 'string') return value.length > 0 ? value : null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (asRecord(value) && typeof (value as { toFixed?: unknown }).toFixed === 'function') {
    return String(value);
  }
  return null;
}

/** An expandable reference: 'cus_123' or { id: 'cus_123', … } → 'cus_123'. */
export function idOf(value: unknown): string | null {
  if (typeof value === 'string') return value.length > 0 ? value : null;
  return asString(get(value, 'id'));
}

export function requireId(value: unknown, path: string): string {
  const id = idOf(value);
  if (id === null) {
    throw new StripeNormalizeError(path, value == null ? 'required id is missing' : 'id is not a string');
  }
  return id;
}

/** Stripe list objects ({ object: 'list', data: [...] }) or bare arrays → array. */
export function listData(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  const data = get(value, 'data');
  return Array.isArray(data) ? data : [];
}

/** Sum of `amount` over an array of { amount }; null when the field is not an array. */
export function sumAmounts(value: unknown, include?: (entry: unknown) => boolean): number | null {
  if (!Array.isArray(value)) return null;
  let total = 0;
  for (const entry of value) {
    if (include && !include(entry)) continue;
    total += asInt(get(entry, 'amount')) ?? 0;
  }
  return total;
}

export function metadataOf(value: unknown): Record<string, string> {
  const record = asRecord(value);
  const out: Record<string, string> = {};
  if (!record) return out;
  for (const [key, entry] of Object.entries(record)) {
    if (typeof entry === 'string') out[key] = entry;
  }
  return out;
}

/** First non-null of several readings (old shape first or new shape first, as the caller decides). */
export function firstOf<T>(...values: (T | null)[]): T | null {
  for (const value of values) if (value !== null) return value;
  return null;
}

/** Rejects an object whose `object` says it is something else; tolerates a missing `object`. */
export function assertObjectType(value: unknown, expected: string[], path: string): StripeObjectLike {
  const record = asRecord(value);
  if (!record) throw new StripeNormalizeError(path, 'expected a Stripe object');
  const kind = record.object;
  if (kind !== undefined && (typeof kind !== 'string' || !expected.includes(kind))) {
    throw new StripeNormalizeError(`${path}.object`, `expected ${expected.join(' | ')}, got ${String(kind)}`);
  }
  return record;
}
