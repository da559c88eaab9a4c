import { describe, expect, it } from 'vitest';
import { decideRetry, RETRY_HORIZON_SECONDS, retriedForSeconds, retryDelaySeconds } from './retry-schedule';

const now = new Date('2026-12-01T12:00:00Z');

describe('webhook retry schedule', () => {
  it('doubles from one minute and caps at six hours', () => {
    expect([1, 2, 3, 4, 9, 10, 11, 50].map(retryDelaySeconds)).toEqual([
      60, 120, 240, 480, 15_360, 21_600, 21_600, 21_600,
    ]);
  });

  it('keeps retrying for at least three days, then the event is dead', () => {
    let attempt = 1;
    while (!decideRetry(attempt, now).dead) attempt += 1;
    expect(retriedForSeconds(attempt)).toBeGreaterThanOrEqual(RETRY_HORIZON_SECONDS);
    expect(retriedForSeconds(attempt - 1)).toBeLessThan(RETRY_HORIZON_SECONDS);
    expect(attempt).toBe(21);
  });

  it('schedules the next attempt from the time of the failure', () => {
    expect(decideRetry(3, now)).toEqual({ dead: false, nextAttemptAt: new Date(now.getTime() + 240_000) });
  });
});
