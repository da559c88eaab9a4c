const WEEK = 168;
const DAY = 24;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

// What hour i "usually" is: the same hour in up to four previous weeks (same weekday, same hour),
// else in up to seven previous days; NaN before one day of history. One hour is judged against
// the median (robust to an old incident in the lags); sums over many hours against the mean,
// which, unlike the median, is not biased low for sparse counts (0, 1, 2 calls an hour). A floor
// of half the previous week's mean keeps quiet night hours from turning small wobbles into
// large ratios. Computed on demand: only alarmed hours and their neighbours need it.
export function computeSeasonalBaseline(
  values: readonly number[],
  i: number,
  stat: 'median' | 'mean' = 'median',
): number {
  const lags: number[] = [];
  for (let j = 1; j <= 4 && i - j * WEEK >= 0; j++) lags.push(values[i - j * WEEK]);
  if (!lags.length) for (let j = 1; j <= 7 && i - j * DAY >= 0; j++) lags.push(values[i - j * DAY]);
  if (!lags.length) return Number.NaN;
  const recent = values.slice(Math.max(0, i - WEEK), i);
  const floor = recent.length ? 0.5 * mean(recent) : 0;
  return Math.max(stat === 'median' ? median(lags) : mean(lags), floor);
}

/** Observed and expected (mean baseline) totals for hours [from, to) clipped to the series; hours without a baseline skipped. */
export function totalsOver(values: readonly number[], from: number, to: number): { seen: number; expected: number } {
  let seen = 0;
  let expected = 0;
  for (let i = Math.max(0, from); i < Math.min(values.length, to); i++) {
    const e = computeSeasonalBaseline(values, i, 'mean');
    if (Number.isNaN(e)) continue;
    seen += values[i];
    expected += e;
  }
  return { seen, expected };
}

/** Observed over expected; NaN when nothing is known, Infinity for usage where none was expected. */
export function ratioOf({ seen, expected }: { seen: number; expected: number }): number {
  if (expected > 0) return seen / expected;
  return seen > 0 ? Number.POSITIVE_INFINITY : Number.NaN;
}
