// Input the database itself refuses — a NUL byte in text, a number past bigint, a string past its
// column — is the caller's mistake (400), not ours (500). PostgreSQL reports these as SQLSTATE
// class 22 (data exception); Prisma as P2000 / P2020, or wraps the driver's code.
export function isInvalidInput(err: unknown): boolean {
  const e = err as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } };
  if (e?.code === 'P2000' || e?.code === 'P2020') return true;
  const sqlState = e?.meta?.driverAdapterError?.cause?.originalCode;
  return typeof sqlState === 'string' && sqlState.startsWith('22');
}

// JSON that survives BigInt (zod issues carry `minimum: 0n` for bigint params): as a string.
export function stringifyJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v));
}
