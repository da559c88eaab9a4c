// Canonical JSON: object keys sorted, no whitespace, Dates as ISO strings, undefined dropped.
// Two equal records always serialise to the same bytes, so their hashes match — also after a
// round trip through PostgreSQL's jsonb, which does not keep key order.
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : normalise(v)));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = normalise(v);
    }
    return out;
  }
  return value;
}

// The JSON value as it will read back from jsonb (plain data, no Dates or undefined).
export function toJsonValue<T>(value: T): T {
  return value === undefined || value === null ? value : (JSON.parse(canonicalJson(value)) as T);
}
