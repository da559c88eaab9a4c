import { z } from 'zod';
import { actionKind, actionStatus } from './actions';

// GET /api/v1/customers/:id/usage-insights — computed on request from hourly rollups by the same
// lib/server/insights functions the usage-analyst agent uses. Times are epoch milliseconds (UTC)
// in series (compact, and what charts want) and ISO strings elsewhere.

const point = z.object({ t: z.number(), value: z.number() });

export const anomalyKind = z.enum(['spike', 'drop', 'level_shift', 'runaway_growth']);

export const usageAnomaly = z.object({
  at: z.string(), // start of the first alarmed hour
  score: z.number().min(0).max(1),
  kind: anomalyKind,
  direction: z.enum(['up', 'down']),
  value: z.number(),
  expected: z.number(), // seasonal baseline of that hour
  ratio: z.number(),
  runaway: z.boolean(),
  ongoing: z.boolean(),
});

export const usageForecast = z.object({
  expected: z.number(),
  lower: z.number(), // 80 % band
  upper: z.number(),
  crossingDate: z.string().nullable(), // when usage reaches the included quantity (past or expected)
  crossingEarliest: z.string().nullable(),
  crossingLatest: z.string().nullable(),
  band: z.array(z.object({ t: z.number(), expected: z.number(), lower: z.number(), upper: z.number() })),
});

export const meterInsight = z.object({
  meterKey: z.string(),
  meterName: z.string(),
  unit: z.string(),
  aggregation: z.enum(['sum', 'count', 'max', 'unique_count']),
  limit: z.number().nullable(), // the plan's included quantity
  hardLimit: z.number().nullable(),
  used: z.number(),
  utilisation: z.number().nullable(),
  points: z.array(point), // cumulative usage (running peak for max meters) at each hour's end this period
  hourly: z.array(point), // usage per hour (hour start), from a week before the period
  forecast: usageForecast,
  anomalies: z.array(usageAnomaly),
  thresholds: z.array(z.object({ pct: z.number().int(), firedAt: z.string(), resolvedAt: z.string().nullable() })),
});
export type MeterInsightView = z.infer<typeof meterInsight>;

export const usageDecision = z.object({
  actionId: z.string(),
  kind: actionKind,
  status: actionStatus,
  title: z.string(),
  createdAt: z.string(),
  reasoning: z.string(),
  agentVersion: z.string(),
});

export const usageInsights = z.object({
  customerId: z.string(),
  asOf: z.string(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  plan: z.object({ key: z.string(), name: z.string() }).nullable(),
  meters: z.array(meterInsight),
  decisions: z.array(usageDecision), // the usage analyst's drafted actions for this customer, newest first
});
export type UsageInsights = z.infer<typeof usageInsights>;
