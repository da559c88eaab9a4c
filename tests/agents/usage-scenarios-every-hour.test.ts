import { describe, expect, it } from 'vitest';
import { buildHourlySeries } from '@/lib/server/insights/build-hourly-series';
import { detectUsageAnomalies } from '@/lib/server/insights/detect-usage-anomalies';
import { generateScenario, type Shape } from './usage-scenarios';

// The usage analyst's scenarios (usage-analyst.test.ts) run against PostgreSQL at one clock
// time per run. Here the same generated series go through the same pure detection at every end
// hour of a week, so a finding that depends on where an incident falls in the daily and weekly
// cycle fails whatever hour the suite runs at.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MONDAY = Date.UTC(2027, 2, 1);

interface Case {
  name: string;
  shape: Shape;
  utilisation: number;
  seed: number;
  /** The analysis runs this many hours before the scenario's end. */
  hoursBefore?: number;
  /** Expected episodes, as "kind@hoursBeforeEnd" (R = runaway), joined by commas. */
  expect: RegExp;
}

const CASES: Case[] = [
  { name: 'steady', shape: { kind: 'steady' }, utilisation: 0.5, seed: 7, expect: /^$/ },
  { name: 'organic growth', shape: { kind: 'growth', monthly: 0.25 }, utilisation: 1.4, seed: 7, expect: /^$/ },
  {
    name: 'spike 20 h ago',
    shape: { kind: 'spike', hoursAgo: 20, factor: 8 },
    utilisation: 0.5,
    seed: 7,
    expect: /^spike@20$/,
  },
  {
    name: 'spike 10 h ago',
    shape: { kind: 'spike', hoursAgo: 10, factor: 8 },
    utilisation: 0.5,
    seed: 3,
    expect: /^spike@10$/,
  },
  {
    name: 'level shift',
    shape: { kind: 'level_shift', hoursAgo: 30, factor: 2.5 },
    utilisation: 0.5,
    seed: 7,
    expect: /^level_shift@(2[4-9]|30)$/,
  },
  {
    name: 'drop to zero',
    shape: { kind: 'drop_to_zero', hoursAgo: 30 },
    utilisation: 0.5,
    seed: 7,
    expect: /^drop@\d+$/,
  },
  {
    name: 'runaway, a day into the climb',
    shape: { kind: 'runaway', hours: 72, factor: 25 },
    utilisation: 0.6,
    seed: 7,
    hoursBefore: 48,
    expect: /^[a-z_]+@\d+$/,
  },
  {
    name: 'runaway',
    shape: { kind: 'runaway', hours: 72, factor: 25 },
    utilisation: 0.6,
    seed: 7,
    expect: /^runaway_growth@\d+R$/,
  },
  {
    name: 'runaway (seed 2)',
    shape: { kind: 'runaway', hours: 72, factor: 25 },
    utilisation: 0.6,
    seed: 2,
    expect: /^runaway_growth@\d+R$/,
  },
];

// Same world as makeUsageWorld: the period started 25 days before the end and lasts 30 days;
// usage from four weeks before the period.
function episodesAt(end: number, c: Case): string {
  const periodStart = end - 25 * DAY;
  const perHour = (c.utilisation * 1_000_000) / (30 * 24);
  const asOf = end - (c.hoursBefore ?? 0) * HOUR;
  const rows = generateScenario({ seed: c.seed, perHour, start: periodStart - 28 * DAY, end, shape: c.shape })
    .filter((r) => r.hour.getTime() < asOf)
    .map((r) => ({ hour: r.hour.getTime(), value: r.quantity }));
  return detectUsageAnomalies(buildHourlySeries(rows, asOf), periodStart)
    .filter((a) => asOf - a.at <= 7 * DAY)
    .map((a) => `${a.kind}@${(end - a.at) / HOUR}${a.runaway ? 'R' : ''}`)
    .join(',');
}

describe('usage scenarios at every hour of the week', () => {
  for (const c of CASES) {
    it(`${c.name}: the same episodes whatever the end hour`, () => {
      const wrong: string[] = [];
      for (let h = 0; h < 7 * 24; h++) {
        const end = MONDAY + h * HOUR;
        const found = episodesAt(end, c);
        if (!c.expect.test(found)) wrong.push(`${new Date(end).toISOString().slice(0, 13)}h: "${found}"`);
      }
      expect(wrong).toEqual([]);
    });
  }
});
