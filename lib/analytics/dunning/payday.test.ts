import { describe, expect, it } from 'vitest';
import { atLocalHour, inBusinessHours, inPaydayWindow, retryCandidates, safeTimeZone } from './payday';

describe('payday-aware timing', () => {
  it('finds 10:00 local across time zones and daylight saving', () => {
    expect(atLocalHour(new Date('2026-07-10T03:00:00Z'), 10, 'America/New_York').toISOString()).toBe(
      '2026-07-09T14:00:00.000Z',
    );
    expect(atLocalHour(new Date('2026-12-10T12:00:00Z'), 10, 'America/New_York').toISOString()).toBe(
      '2026-12-10T15:00:00.000Z',
    );
    expect(atLocalHour(new Date('2026-12-10T12:00:00Z'), 10, 'Asia/Kolkata').toISOString()).toBe(
      '2026-12-10T04:30:00.000Z',
    );
  });

  it('knows paydays: the 1st, the 15th, the last weekday, and two days after', () => {
    expect(inPaydayWindow(new Date('2026-12-01T12:00:00Z'), 'UTC')).toBe(true);
    expect(inPaydayWindow(new Date('2026-12-03T12:00:00Z'), 'UTC')).toBe(true);
    expect(inPaydayWindow(new Date('2026-12-04T12:00:00Z'), 'UTC')).toBe(false);
    expect(inPaydayWindow(new Date('2026-12-16T12:00:00Z'), 'UTC')).toBe(true);
    // 31 Oct 2026 is a Saturday: the last weekday is Friday the 30th.
    expect(inPaydayWindow(new Date('2026-10-30T12:00:00Z'), 'UTC')).toBe(true);
    expect(inPaydayWindow(new Date('2026-10-28T12:00:00Z'), 'UTC')).toBe(false);
  });

  it('business hours are weekdays 9–17 local', () => {
    expect(inBusinessHours(new Date('2026-12-02T15:00:00Z'), 'America/New_York')).toBe(true);
    expect(inBusinessHours(new Date('2026-12-02T03:00:00Z'), 'America/New_York')).toBe(false);
    expect(inBusinessHours(new Date('2026-12-05T15:00:00Z'), 'America/New_York')).toBe(false);
  });

  it('offers the next weekday morning and the next payday morning', () => {
    const c = retryCandidates(new Date('2026-12-04T20:00:00Z'), 'Europe/Berlin');
    // Friday evening → Monday 7 Dec 10:00 CET; next payday window: Tue 15 Dec.
    expect(c.map((d) => d.toISOString())).toEqual(['2026-12-07T09:00:00.000Z', '2026-12-15T09:00:00.000Z']);
    // Inside a payday window already: one candidate.
    expect(retryCandidates(new Date('2026-12-01T06:00:00Z'), 'UTC')).toHaveLength(1);
  });

  it('falls back to UTC for an unknown zone', () => {
    expect(safeTimeZone('Mars/Olympus')).toBe('UTC');
    expect(safeTimeZone('Europe/Paris')).toBe('Europe/Paris');
  });
});
