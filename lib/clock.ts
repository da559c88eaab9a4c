import { getEnv } from '@/lib/env';

// The application's one clock. Business time — periods, proration, review windows, expiry,
// forecasts, agent runs — is read here, never from `new Date()`, so a test (or a demo) can run the
// whole application at a chosen instant: TOLLGATE_CLOCK_START moves the clock there once and it
// then runs in real time (so timeouts, leases and durations still behave). Wall-clock facts that
// come from outside (a webhook signature's timestamp) keep using the real time.
let offsetMs: number | undefined;

function offset(): number {
  if (offsetMs === undefined) {
    const start = getEnv().TOLLGATE_CLOCK_START;
    offsetMs = start ? Date.parse(start) - Date.now() : 0;
  }
  return offsetMs;
}

export const clock = {
  /** Milliseconds since the epoch on the application clock. */
  nowMs(): number {
    return Date.now() + offset();
  },
  /** The current instant on the application clock. */
  now(): Date {
    return new Date(Date.now() + offset());
  },
};
