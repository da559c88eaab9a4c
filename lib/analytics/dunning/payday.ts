// When to retry a card: in the customer's local business hours, and — for a balance that was
// short — just after a common payday (the 1st, the 15th, the last weekday of the month), when
// accounts are most likely funded. Local time through Intl, so daylight saving is right. Pure.

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** A usable IANA zone name, else UTC (customer metadata is free text). */
export function safeTimeZone(tz: unknown): string {
  if (typeof tz !== 'string' || !tz) return 'UTC';
  try {
    formatter(tz);
    return tz;
  } catch {
    return 'UTC';
  }
}

export interface LocalParts {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  weekday: number; // 0 Sunday … 6 Saturday
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function localParts(at: Date, timeZone: string): LocalParts {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? 'Sun'),
  };
}

/** The instant that is `hour`:00 local on the local calendar day of `at` (two passes settle DST). */
export function atLocalHour(at: Date, hour: number, timeZone: string): Date {
  const p = localParts(at, timeZone);
  let guess = Date.UTC(p.year, p.month - 1, p.day, hour);
  for (let i = 0; i < 2; i++) {
    const q = localParts(new Date(guess), timeZone);
    const shownAsUtc = Date.UTC(q.year, q.month - 1, q.day, q.hour, q.minute);
    guess += Date.UTC(p.year, p.month - 1, p.day, hour) - shownAsUtc;
  }
  return new Date(guess);
}

function lastWeekdayOfMonth(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0));
  const dow = last.getUTCDay();
  return last.getUTCDate() - (dow === 0 ? 2 : dow === 6 ? 1 : 0);
}

/** Whether the local day of `at` is a payday or one of the two days after it. */
export function inPaydayWindow(at: Date, timeZone: string): boolean {
  const p = localParts(at, timeZone);
  const day = (offset: number) => localParts(new Date(at.getTime() - offset * DAY_MS), timeZone);
  for (let back = 0; back <= 2; back++) {
    const d = back === 0 ? p : day(back);
    if (d.day === 1 || d.day === 15 || d.day === lastWeekdayOfMonth(d.year, d.month)) return true;
  }
  return false;
}

export function inBusinessHours(at: Date, timeZone: string): boolean {
  const p = localParts(at, timeZone);
  return p.weekday >= 1 && p.weekday <= 5 && p.hour >= 9 && p.hour < 17;
}

/**
 * Candidate retry times after `now`: the next weekday 10:00 local at least `minLeadHours` away,
 * and the first 10:00 local inside a payday window within `maxDays` (when it is a different day).
 */
export function retryCandidates(now: Date, timeZone: string, { minLeadHours = 2, maxDays = 12 } = {}): Date[] {
  const out: Date[] = [];
  for (let d = 0; d <= maxDays && out.length < 2; d++) {
    const at = atLocalHour(new Date(now.getTime() + d * DAY_MS), 10, timeZone);
    if (at.getTime() < now.getTime() + minLeadHours * HOUR_MS) continue;
    const wd = localParts(at, timeZone).weekday;
    if (wd === 0 || wd === 6) continue;
    if (out.length === 0) out.push(at);
    else if (inPaydayWindow(at, timeZone) && !inPaydayWindow(out[0]!, timeZone)) out.push(at);
    if (out.length === 1 && inPaydayWindow(at, timeZone)) break;
  }
  return out;
}
