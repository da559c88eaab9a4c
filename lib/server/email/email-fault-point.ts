import { getEnv } from '@/lib/env';

export type EmailFaultPoint = 'email_after_handoff' | 'email_after_accept' | 'email_after_record';

// Test-only crash injection (FAULT_INJECTION, as lib/server/actions/fault-point.ts does for
// billing effects): kills the worker outright at a point of an e-mail's hand-off, so
// tests/email/crash-exactly-once.test.ts can prove recovery never sends a second copy.
export function emailFaultPoint(point: EmailFaultPoint): void {
  if (getEnv().FAULT_INJECTION === point) process.kill(process.pid, 'SIGKILL');
}
