import type { EventError } from '@/lib/schemas/usage';

// Checks a value that will be stored as jsonb: PostgreSQL refuses \u0000 and unpaired surrogates
// (the whole batch would fail), and deep or huge property bags are abuse, not usage. Walks the
// value once; `depth` counts object/array levels, the top-level object being 1.
export function inspectJsonValue(value: unknown, field: string, maxDepth: number, depth = 1): EventError | null {
  if (typeof value === 'string') return inspectString(value, field);
  if (value === null || typeof value !== 'object') return null;
  if (depth > maxDepth)
    return { code: 'properties_too_deep', message: `${field} is nested deeper than ${maxDepth} levels` };
  if (Array.isArray(value)) {
    for (const item of value) {
      const err = inspectJsonValue(item, field, maxDepth, depth + 1);
      if (err) return err;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    const keyErr = inspectString(key, `${field} key`);
    if (keyErr) return keyErr;
    const err = inspectJsonValue(item, field, maxDepth, depth + 1);
    if (err) return err;
  }
  return null;
}

// String.prototype.isWellFormed is in Node 20 (ES2024) but not in this project's TS lib.
type WellFormed = string & { isWellFormed(): boolean };

export function inspectString(value: string, field: string): EventError | null {
  if (value.includes('\u0000')) return { code: 'nul_byte', message: `${field} contains a NUL byte (\\u0000)` };
  if (!(value as WellFormed).isWellFormed())
    return { code: 'invalid_unicode', message: `${field} contains an unpaired UTF-16 surrogate` };
  return null;
}
