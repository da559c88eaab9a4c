/**
 * Fits the dunning recovery model and writes lib/analytics/dunning/recovery-model.v1.json.
 *
 *   npx tsx scripts/fit-dunning-model.ts [--episodes 15000]
 *
 * History comes from the simulator (scripts/lib/dunning-simulator.ts, parameters fixed) run with
 * an exploring policy — random feasible steps at random times — on the fitting seeds 1 and 2;
 * the eval uses other seeds. Each decision is a row: the account's features, the step and its
 * timing, and whether the invoice was recovered before the next decision. Logistic regression by
 * IRLS with a small L2 penalty. Reports the held-out log-loss (seed 3) against the base rate.
 * Deterministic: the same code writes the same file.
 */
import { writeFileSync } from 'node:fs';
import { fitLogistic, logLoss } from '../lib/analytics/dunning/logistic-regression';
import { inBusinessHours, inPaydayWindow } from '../lib/analytics/dunning/payday';
import { FEATURE_NAMES, featureVector } from '../lib/analytics/dunning/recovery-features';
import { loggingPolicy } from './lib/dunning-policies';
import { drawFailure, rngFor, runEpisode } from './lib/dunning-simulator';

const args = process.argv.slice(2);
const episodes = Number(args[args.indexOf('--episodes') + 1] || 15_000) || 15_000;

function history(seed: number) {
  const r = rngFor(seed);
  const rows: number[][] = [];
  const labels: (0 | 1)[] = [];
  for (let i = 0; i < episodes; i++) {
    const f = drawFailure(r);
    for (const d of runEpisode(f, loggingPolicy(r), r).decisions) {
      rows.push(
        featureVector(d.features, {
          step: d.step.step,
          paydayWindow: inPaydayWindow(d.step.at, f.timeZone),
          businessHours: inBusinessHours(d.step.at, f.timeZone),
        }),
      );
      labels.push(d.recoveredBeforeNext ? 1 : 0);
    }
    if ((i + 1) % 5_000 === 0) console.log(`seed ${seed}: ${i + 1}/${episodes} episodes, ${rows.length} decisions`);
  }
  return { rows, labels };
}

const a = history(1);
const b = history(2);
const rows = [...a.rows, ...b.rows];
const labels = [...a.labels, ...b.labels];
console.log(`fitting ${FEATURE_NAMES.length} weights on ${rows.length} decisions`);
const fit = fitLogistic(rows, labels, { l2: 2 });
const held = history(3);
const base = labels.filter(Boolean).length / labels.length;
const baseW = [Math.log(base / (1 - base)), ...FEATURE_NAMES.slice(1).map(() => 0)];
const metrics = {
  trainingDecisions: rows.length,
  iterations: fit.iterations,
  trainLogLoss: Number(fit.logLoss.toFixed(4)),
  heldOutLogLoss: Number(logLoss(fit.weights, held.rows, held.labels).toFixed(4)),
  heldOutBaseRateLogLoss: Number(logLoss(baseW, held.rows, held.labels).toFixed(4)),
  recoveryRate: Number(base.toFixed(4)),
};
const out = {
  version: 'v1',
  description:
    'P(the step recovers the invoice before the next decision), logistic regression (IRLS, L2 = 2) on simulated history: scripts/fit-dunning-model.ts',
  fittedOn: { simulator: 'scripts/lib/dunning-simulator.ts', seeds: [1, 2], episodesPerSeed: episodes, heldOutSeed: 3 },
  metrics,
  weights: Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, Number(fit.weights[i]!.toFixed(5))])),
};
// Formatted as the repository formats JSON, so a refit with unchanged results leaves no diff.
const prettier = await import('prettier');
writeFileSync(
  new URL('../lib/analytics/dunning/recovery-model.v1.json', import.meta.url),
  await prettier.format(JSON.stringify(out), { parser: 'json' }),
);
console.log(JSON.stringify(metrics));
