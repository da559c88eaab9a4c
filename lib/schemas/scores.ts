import { z } from 'zod';
import { isoDate, pageOf, pageQuery } from './common';

// The three lists of the Expansion page. Health is read worst first, the others highest first.
export const scoreList = z.enum(['expansion', 'health', 'churn_risk']);
export type ScoreList = z.infer<typeof scoreList>;

export const scoreListQuery = pageQuery.extend({
  list: scoreList.default('expansion'),
  plan: z.string().trim().max(100).optional(),
  /** Only rows whose score on the chosen list is at least this (health: at most). */
  threshold: z.coerce.number().int().min(0).max(100).optional(),
  owner: z.string().trim().max(200).optional(),
  sort: z.enum(['score', 'mrr', 'headroom', 'crossing', 'name']).default('score'),
});
export type ScoreListQuery = z.infer<typeof scoreListQuery>;

export const scoreFactor = z.object({
  key: z.string(),
  label: z.string(),
  detail: z.string(),
  points: z.number(),
  maxPoints: z.number(),
});
export const scorecard = z.object({ score: z.number().int(), factors: z.array(scoreFactor) });
export type ScorecardView = z.infer<typeof scorecard>;

export const scoreRow = z.object({
  customerId: z.string(),
  customerName: z.string(),
  email: z.string().nullable(),
  plan: z.object({ key: z.string(), name: z.string() }).nullable(),
  mrrMinor: z.number().int().nullable(),
  currency: z.string(),
  expansion: z.number().int(),
  health: z.number().int(),
  churnRisk: z.number().int(),
  /** The chosen list's scorecard, for the factors column. */
  card: scorecard,
  headroomUsed: z.number().nullable(),
  crossingAt: isoDate.nullable(),
  owner: z.string().nullable(),
  computedAt: isoDate,
});
export type ScoreRow = z.infer<typeof scoreRow>;
export const scoreListResponse = pageOf(scoreRow);

export const customerScoresResponse = z.object({
  latest: z
    .object({
      computedAt: isoDate,
      version: z.string(),
      expansion: scorecard,
      health: scorecard,
      churnRisk: scorecard,
    })
    .nullable(),
  history: z.array(z.object({ computedAt: isoDate, expansion: z.number(), health: z.number(), churnRisk: z.number() })),
});
export type CustomerScoresView = z.infer<typeof customerScoresResponse>;

export const draftFromScoreBody = z.object({
  action: z.enum(['crm_task', 'upgrade']),
  list: scoreList.default('expansion'),
});
export const draftFromScoreResponse = z.object({
  outcome: z.enum(['suppressed', 'observed', 'drafted', 'auto_approved', 'refused']),
  actionId: z.string().nullable(),
  reason: z.string(),
});
