// Small deterministic generators for labelled usage scenarios: hourly values with a daily and a
// weekly cycle and log-normal noise, then the scenario's shape on top. Pure functions of the hour.
import { createRng } from '@/lib/prng';

const HOUR = 3_600_000;

const rng = (seed: number) => createRng(seed).next;

export type Shape =
  | { kind: 'steady' }
  | { kind: 'growth'; monthly: number }
  | { kind: 'spike'; hoursAgo: number; factor: number }
  | { kind: 'level_shift'; hoursAgo: number; factor: number }
  | { kind: 'drop_to_zero'; hoursAgo: number }
  | { kind: 'runaway'; hours: number; factor: number };

export interface ScenarioSpec {
  seed: number;
  /** Mean usage per hour (before the shape) at `end`. */
  perHour: number;
  start: number;
  end: number;
  shape: Shape;
}

function seasonal(t: number): number {
  const d = new Date(t);
  const daily = 1 + 0.4 * Math.cos(((d.getUTCHours() - 15) / 24) * 2 * Math.PI);
  const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6 ? 0.7 : 1;
  return (daily * weekend) / ((5 + 2 * 0.7) / 7);
}

function shapeFactor(shape: Shape, t: number, end: number): number {
  const hoursAgo = (end - t) / HOUR;
  switch (shape.kind) {
    case 'growth':
      return Math.pow(1 + shape.monthly, -hoursAgo / 730);
    case 'spike':
      return Math.round(hoursAgo) === shape.hoursAgo ? shape.factor : 1;
    case 'level_shift':
      return hoursAgo <= shape.hoursAgo ? shape.factor : 1;
    case 'drop_to_zero':
      return hoursAgo <= shape.hoursAgo ? 0 : 1;
    case 'runaway':
      return hoursAgo < shape.hours ? Math.exp(((shape.hours - hoursAgo) / shape.hours) * Math.log(shape.factor)) : 1;
    default:
      return 1;
  }
}

/** Hourly rows [start, end) — zero hours omitted, as ingestion never writes them. */
export function generateScenario(spec: ScenarioSpec): { hour: Date; quantity: number }[] {
  const next = rng(spec.seed);
  const rows: { hour: Date; quantity: number }[] = [];
  for (let t = spec.start; t < spec.end; t += HOUR) {
    const u = 1 - next();
    const g = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    const noise = Math.exp(0.1 * g - 0.005);
    const q = Math.round(spec.perHour * seasonal(t) * shapeFactor(spec.shape, t, spec.end) * noise);
    if (q > 0) rows.push({ hour: new Date(t), quantity: q });
  }
  return rows;
}
