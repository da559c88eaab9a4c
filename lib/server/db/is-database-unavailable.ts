// Is this the database being unreachable (refused, reset, timed out) rather than a bad query?
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string; cause?: unknown };
  const code = e?.code ?? '';
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P03', 'P1001', 'P1017', 'P2024'].includes(code))
    return true;
  if (
    /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Can't reach database/i.test(
      e?.message ?? '',
    )
  )
    return true;
  return e?.cause ? isDatabaseUnavailable(e.cause) : false;
}
