import { z } from 'zod';
import { actionKind } from './action-kinds';
import { isoDate } from './common';

// The portfolio overview RevOps land on: what waits for a decision and what the agents saw,
// each figure derived from stored state and linking to the page that holds its rows.

/** An amount per currency: totals are never summed across currencies. */
export const moneyTotal = z.object({ currency: z.string(), amountMinor: z.number().int() });
export type MoneyTotal = z.infer<typeof moneyTotal>;

const customerRef = z.object({ customerId: z.string(), customerName: z.string() });

export const portfolioOverview = z.object({
  asOf: isoDate,
  approvals: z.object({
    pending: z.number().int(),
    /** Pending actions whose review window ends within 4 hours: decide them first, or they expire. */
    dueSoon: z.number().int(),
    atStake: z.array(moneyTotal),
    byKind: z.array(z.object({ kind: actionKind, count: z.number().int(), atStake: z.array(moneyTotal) })),
    largest: z.array(
      z.object({
        id: z.string(),
        kind: actionKind,
        title: z.string(),
        customerName: z.string().nullable(),
        amountMinor: z.number().int().nullable(),
        currency: z.string().nullable(),
        reviewDeadline: isoDate.nullable(),
      }),
    ),
    /** The failed-executions inbox, last 7 days: approvals that did not take effect. */
    failedRecently: z.number().int(),
  }),
  anomalies: z.object({
    /** Episodes the Usage Analyst reported in the last 24 hours. */
    today: z.number().int(),
    recent: z.array(
      customerRef.extend({
        meterKey: z.string(),
        kind: z.string(),
        /** The first alarmed hour of the episode. */
        at: isoDate,
        /** When the Usage Analyst reported it (its decision record). */
        reportedAt: isoDate,
        runaway: z.boolean(),
      }),
    ),
  }),
  quota: z.object({
    /** Customers already past an included quantity, by the latest daily scores. */
    overNow: z.number().int(),
    crossingThisWeek: z.array(customerRef.extend({ crossingAt: isoDate })),
  }),
  dunning: z.object({
    invoices: z.number().int(),
    customers: z.number().int(),
    /** Amount still owed on open invoices whose payment failed or whose due date passed. */
    outstanding: z.array(moneyTotal),
    /** Monthly recurring revenue of those customers: what churn through failed payment would cost. */
    mrrAtRisk: z.array(moneyTotal),
    largest: z.array(
      customerRef.extend({
        invoiceId: z.string(),
        number: z.string().nullable(),
        currency: z.string(),
        remainingMinor: z.number().int(),
        attempts: z.number().int(),
      }),
    ),
  }),
  expansion: z.object({
    /** Customers whose latest expansion score is in the expansion-ready band. */
    ready: z.number().int(),
    mrr: z.array(moneyTotal),
    top: z.array(
      customerRef.extend({ score: z.number().int(), mrrMinor: z.number().int().nullable(), currency: z.string() }),
    ),
  }),
});
export type PortfolioOverview = z.infer<typeof portfolioOverview>;

export const setupStep = z.object({
  key: z.enum(['billing', 'webhook_secret', 'ingest_token', 'notifications', 'policies']),
  title: z.string(),
  done: z.boolean(),
  /** What is configured, or what is missing. */
  detail: z.string(),
  href: z.string(),
});
export type SetupStep = z.infer<typeof setupStep>;

export const setupChecklist = z.object({ steps: z.array(setupStep), done: z.number().int(), total: z.number().int() });
export type SetupChecklist = z.infer<typeof setupChecklist>;
