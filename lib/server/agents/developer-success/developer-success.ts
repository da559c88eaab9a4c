import { getDb } from '@/lib/db';
import { scoreCustomer } from '@/lib/analytics/customer-scores';
import { deriveScoreSignals } from '@/lib/analytics/score-signals';
import { loadScoreInputs } from '@/lib/server/scores/load-score-inputs';
import { recordCustomerScores } from '@/lib/server/scores/record-customer-scores';
import { defineAgent } from '../define-agent';
import { resolveScoredCustomers } from './resolve-scored-customers';
import { bandChanges, bandsOf } from './score-bands';

export const DEVELOPER_SUCCESS_ID = 'developer-success';
// Advisory lock namespace (two-int form): the daily run and an event-driven run of one customer
// must not both append a row, nor both record the same band change.
const LOCK_SPACE = 7_311_012;

const BAND_TEXT = { expansion_ready: 'expansion-ready', at_risk: 'at risk of churn' } as const;

// Developer Success (conventions 7): expansion, health and churn-risk scorecards per customer
// from billing-native signals (lib/analytics/customer-scores.ts), appended to the score history
// daily and after the events that move them — usage, payments, subscription changes. It drafts
// nothing by itself: people draft CRM tasks and upgrades from the Expansion page with the
// scorecard as evidence. A decision record is written when a customer enters or leaves a band.
export const developerSuccess = defineAgent({
  id: DEVELOPER_SUCCESS_ID,
  version: '1.0.0',
  title: 'Developer Success',
  description: 'Scores every customer daily for expansion, health and churn risk, with the factors behind each score.',
  // It scores; what it may draft is a CRM task (drafts from the Expansion page are a person's).
  triggers: [
    { on: 'cron', cron: '23 4 * * *' },
    { on: 'after_ingest', debounceSeconds: 900 },
    {
      on: 'webhook',
      events: [
        'invoice.paid',
        'invoice.payment_failed',
        'customer.subscription.updated',
        'customer.subscription.deleted',
        'charge.failed',
        'charge.dispute.created',
      ],
    },
    { on: 'on_demand' },
  ],
  job: { retryLimit: 3, retryDelaySeconds: 60 },
  run: async (ctx) => {
    const ids = await resolveScoredCustomers(ctx.input);
    const failures: string[] = [];
    for (const customerId of ids) {
      try {
        await scoreOne(ctx, customerId);
      } catch (err) {
        failures.push(`${customerId}: ${(err as Error).message}`);
      }
    }
    if (failures.length)
      throw new Error(`scoring failed for ${failures.length} customer(s): ${failures.slice(0, 3).join('; ')}`);
  },
});

async function scoreOne(ctx: Parameters<typeof developerSuccess.run>[0], customerId: string) {
  const context = await loadScoreInputs(customerId, ctx.now);
  if (!context) return;
  const signals = deriveScoreSignals(context.inputs);
  const scores = scoreCustomer(signals);
  await getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_SPACE}::int, hashtext(${customerId}))`;
    const { written, previous } = await recordCustomerScores(tx, customerId, ctx.now, {
      version: scores.version,
      expansion: scores.expansion,
      health: scores.health,
      churnRisk: scores.churnRisk,
      signals: {
        headroomUsed: signals.headroomUsed,
        projectedUtilisation: signals.projectedUtilisation,
        crossingAt: signals.crossingAt,
        usageSlope: signals.usageSlope,
      },
      plan: context.plan,
      subscriptionId: context.subscriptionId,
    });
    if (!written) return;
    const now = { expansion: scores.expansion.score, churnRisk: scores.churnRisk.score };
    const { entered, left } = bandChanges(previous ? bandsOf(previous) : [], bandsOf(now));
    if (!entered.length && !left.length) return;
    await ctx.decide(
      tx,
      {
        customerId,
        sourceRef: `scores:${customerId}:${ctx.now.toISOString()}`,
        inputs: { planKey: context.plan.key, signals, previous },
        model: { provider: 'builtin', promptVersion: `${ctx.agent.id}/${scores.version}` },
      },
      async (run) => {
        run.evidence({ expansion: scores.expansion }, { health: scores.health }, { churnRisk: scores.churnRisk });
        run.reason(
          ...entered.map(
            (b) => `Entered ${BAND_TEXT[b]}: ${topFactors(b === 'at_risk' ? scores.churnRisk : scores.expansion)}.`,
          ),
          ...left.map((b) => `No longer ${BAND_TEXT[b]}.`),
        );
        run.output({ expansion: now.expansion, health: scores.health.score, churnRisk: now.churnRisk, entered, left });
        run.outcome(
          [...entered.map((b) => `now ${BAND_TEXT[b]}`), ...left.map((b) => `no longer ${BAND_TEXT[b]}`)].join(', '),
        );
      },
    );
  });
}

const topFactors = (card: { factors: { label: string; points: number; detail: string }[] }) =>
  [...card.factors]
    .sort((a, b) => b.points - a.points)
    .slice(0, 2)
    .map((f) => `${f.label.toLowerCase()} (${f.detail})`)
    .join(', ');
