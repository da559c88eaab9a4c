import { getEnv } from '@/lib/env';

export type FaultPoint = 'before_provider_call' | 'after_provider_call' | 'after_record';

// Test-only crash injection (FAULT_INJECTION): kills this process outright at the named point of
// an execution, the way a deploy or an OOM kill would, so tests can prove recovery.
export function faultPoint(point: FaultPoint): void {
  if (getEnv().FAULT_INJECTION === point) process.kill(process.pid, 'SIGKILL');
}
