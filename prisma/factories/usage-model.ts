import type { MeterKey } from './catalog';

// The hourly usage of one customer on one meter, as a pure function of the hour, so any hour
// (inside the stored 90 days or in an older billing period) is computed the same way.

export type UsageShape = 'steady' | 'grower' | 'near_limit' | 'decliner' | 'runaway' | 'drop_to_zero';

export interface UsageProfile {
  seed: number;
  shape: UsageShape;
  // Expected monthly usage as a share of the plan's included quantity, at `now`.
  utilisation: Record<MeterKey, number>;
  included: Record<MeterKey, number>;
  monthlyGrowth: number; // 0.2 = +20 % a month
  weekendFactor: number; // weekend traffic relative to weekdays
  diurnalAmplitude: number; // 0 … 1
  peakHourUtc: number;
  noise: number; // sd of the log-normal noise
}

const HOUR = 3_600_000;
const HOURS_PER_MONTH = 730;

// A fast integer hash → [0, 1): deterministic noise for (seed, meter, hour) without state.
function hash01(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35) ^ Math.imul(c, 0x27d4eb2f);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  h = Math.imul(h, 0x297a2d39);
  h ^= h >>> 15;
  return (h >>> 0) / 4294967296;
}

function gaussian(a: number, b: number, c: number): number {
  const u = 1 - hash01(a, b, c);
  const v = hash01(a + 1, b, c);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

const METER_INDEX: Record<MeterKey, number> = { api_calls: 1, compute_minutes: 2, storage_gb: 3 };

function seasonal(p: UsageProfile, t: number): number {
  const d = new Date(t);
  const dow = d.getUTCDay();
  // Normalised so the weekly mean is 1 and `utilisation` means what it says.
  const weekly = (dow === 0 || dow === 6 ? p.weekendFactor : 1) / ((5 + 2 * p.weekendFactor) / 7);
  const phase = ((d.getUTCHours() - p.peakHourUtc) / 24) * 2 * Math.PI;
  return weekly * (1 + p.diurnalAmplitude * Math.cos(phase));
}

function shapeFactor(p: UsageProfile, t: number, now: number): number {
  const hoursAgo = (now - t) / HOUR;
  switch (p.shape) {
    case 'runaway':
      // The last three days grow exponentially, to ~25× the normal level now.
      return hoursAgo < 72 ? Math.exp(((72 - hoursAgo) / 72) * Math.log(25)) : 1;
    case 'drop_to_zero':
      return hoursAgo < 9 * 24 ? 0 : 1;
    default:
      return 1;
  }
}

export function hourlyUsage(p: UsageProfile, meter: MeterKey, t: number, now: number): number {
  const monthsAgo = (now - t) / (HOURS_PER_MONTH * HOUR);
  const trend = Math.pow(1 + p.monthlyGrowth, -monthsAgo);
  const level = p.utilisation[meter] * p.included[meter] * trend;
  const hourIndex = Math.floor(t / HOUR);
  if (meter === 'storage_gb') {
    // Stored data is a level, not a flow: it drifts slowly and never follows the daily cycle.
    const wobble = 1 + 0.01 * gaussian(p.seed, METER_INDEX[meter], Math.floor(hourIndex / 24));
    return Math.max(0, Math.round(level * wobble * 100) / 100);
  }
  const perHour = level / HOURS_PER_MONTH;
  const noise = Math.exp(p.noise * gaussian(p.seed, METER_INDEX[meter], hourIndex) - (p.noise * p.noise) / 2);
  return Math.max(0, Math.round(perHour * seasonal(p, t) * shapeFactor(p, t, now) * noise));
}

// Sum (or max, for storage) of usage over [from, to).
export function periodUsage(p: UsageProfile, meter: MeterKey, from: number, to: number, now: number): number {
  let total = 0;
  for (let t = from; t < Math.min(to, now); t += HOUR) {
    const q = hourlyUsage(p, meter, t, now);
    total = meter === 'storage_gb' ? Math.max(total, q) : total + q;
  }
  return total;
}
