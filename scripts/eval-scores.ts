/**
 * Evaluates the customer scorecards (lib/analytics/customer-scores.ts) on a simulated customer
 * base with ground truth (scripts/lib/score-simulator.ts documents the simulator; its parameters
 * are fixed and printed first).
 *
 *   npm run eval:scores [-- --customers <n>] [--seeds <n>]
 *
 * Churn: ROC AUC of the churn-risk score against "churned within 60 days". Expansion: precision
 * of the 20 highest expansion scores against "expanded within 60 days". Every seed is a fresh
 * customer base; the figures are the mean over seeds. The last line printed is one JSON object.
 */
import { scoreCustomer } from '../lib/analytics/customer-scores';
import { precisionAtK, rocAuc } from '../lib/analytics/ranking-metrics';
import { deriveScoreSignals } from '../lib/analytics/score-signals';
import { SIMULATOR, simulateCustomers } from './lib/score-simulator';

const args = process.argv.slice(2);
const arg = (k: string) => {
  const i = args.indexOf(k);
  return i >= 0 ? args[i + 1] : undefined;
};
const customers = Number(arg('--customers') ?? SIMULATOR.customers);
const seeds = Number(arg('--seeds') ?? 5);

console.log(`simulator ${JSON.stringify(SIMULATOR)}`);
type Run = Record<
  'churnAuc' | 'healthAuc' | 'expansionPrecisionAt20' | 'expansionAuc' | 'ceilingChurnAuc' | 'ceilingPrecisionAt20',
  number
>;
const runs: Run[] = [];
for (let s = 0; s < seeds; s++) {
  const sim = simulateCustomers(customers, SIMULATOR.seed + s);
  const scored = sim.map((c) => scoreCustomer(deriveScoreSignals(c.inputs)));
  const churned = sim.map((c) => c.churned);
  const expanded = sim.map((c) => c.expanded);
  const run = {
    churnAuc: rocAuc(
      scored.map((x) => x.churnRisk.score),
      churned,
    ),
    healthAuc: rocAuc(
      scored.map((x) => -x.health.score),
      churned,
    ),
    expansionPrecisionAt20: precisionAtK(
      scored.map((x) => x.expansion.score),
      expanded,
      20,
    ),
    expansionAuc: rocAuc(
      scored.map((x) => x.expansion.score),
      expanded,
    ),
    // What a scorer that knew the hidden traits would reach: the outcomes are random draws.
    ceilingChurnAuc: rocAuc(
      sim.map((c) => c.truth.pChurn),
      churned,
    ),
    ceilingPrecisionAt20: precisionAtK(
      sim.map((c) => c.truth.pExpand),
      expanded,
      20,
    ),
  };
  runs.push(run);
  console.log(
    `seed ${SIMULATOR.seed + s}: ${customers} customers, ${churned.filter(Boolean).length} churned, ` +
      `${expanded.filter(Boolean).length} expanded; churn AUC ${run.churnAuc.toFixed(3)} (health ${run.healthAuc.toFixed(3)}), ` +
      `expansion P@20 ${run.expansionPrecisionAt20.toFixed(2)} (AUC ${run.expansionAuc.toFixed(3)}); ` +
      `ceiling: churn AUC ${run.ceilingChurnAuc.toFixed(3)}, P@20 ${run.ceilingPrecisionAt20.toFixed(2)}`,
  );
}
const avg = (k: keyof Run) => Math.round((runs.reduce((a, r) => a + r[k], 0) / runs.length) * 1000) / 1000;
console.log(
  JSON.stringify({
    customers,
    seeds,
    churnAuc: avg('churnAuc'),
    healthChurnAuc: avg('healthAuc'),
    expansionPrecisionAt20: avg('expansionPrecisionAt20'),
    expansionAuc: avg('expansionAuc'),
    ceilingChurnAuc: avg('ceilingChurnAuc'),
    ceilingPrecisionAt20: avg('ceilingPrecisionAt20'),
    goals: { churnAuc: 0.85, expansionPrecisionAt20: 0.7 },
  }),
);
