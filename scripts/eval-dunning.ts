/**
 * Compares dunning policies on a simulated cohort of failed payments.
 *
 *   npm run eval:dunning [-- --failures 5000 --seeds 101,202,303]
 *
 * The simulator (scripts/lib/dunning-simulator.ts) has its parameters fixed and its assumptions
 * written at its top; the recovery model was fitted on seeds 1–2 (scripts/fit-dunning-model.ts),
 * and the policy's settings chosen on those seeds, so the seeds here are unseen. Each seed draws
 * `failures` heterogeneous customers with one failed invoice each; every policy meets the same
 * customers with the same random stream per customer (common random numbers), so differences are
 * the policies', not the luck of the draw.
 *
 * Policies: Stripe's recommended default (failure e-mail + 8 retries in 2 weeks), a fixed e-mail
 * sequence (4 e-mails, each followed by a retry), and the billing-ops agent's policy. Metrics:
 * recovered revenue % (net of retention credits), touches per recovered invoice, mean days to
 * recovery, involuntary churn (share of failed invoices never recovered). The last line is JSON;
 * `recoveredRevenueRatio` and `touchesRatio` are the agent's figure ÷ Stripe default's.
 */
import { RECOVERY_MODEL } from '../lib/analytics/dunning/current-recovery-model';
import { agentPolicy, fixedEmailSequence, stripeDefault } from './lib/dunning-policies';
import { drawFailure, rngFor, runEpisode, type SimPolicy } from './lib/dunning-simulator';

const args = process.argv.slice(2);
const arg = (k: string) => {
  const i = args.indexOf(k);
  return i >= 0 ? args[i + 1] : undefined;
};
const failures = Number(arg('--failures') ?? 5_000);
const seeds = (arg('--seeds') ?? '101,202,303').split(',').map(Number);

const POLICIES: Record<string, SimPolicy> = {
  stripeDefault,
  fixedEmailSequence,
  agent: agentPolicy(RECOVERY_MODEL),
};

interface Totals {
  amount: number;
  recovered: number;
  credits: number;
  invoices: number;
  recoveredInvoices: number;
  touches: number;
  days: number;
}
const empty = (): Totals => ({
  amount: 0,
  recovered: 0,
  credits: 0,
  invoices: 0,
  recoveredInvoices: 0,
  touches: 0,
  days: 0,
});
const totals: Record<string, Totals> = Object.fromEntries(Object.keys(POLICIES).map((k) => [k, empty()]));
const perSeed: Record<string, Record<string, number>> = {};

const summarise = (t: Totals) => ({
  recoveredRevenuePct: Number(((100 * (t.recovered - t.credits)) / t.amount).toFixed(2)),
  touchesPerRecovered: Number((t.touches / Math.max(1, t.recoveredInvoices)).toFixed(2)),
  meanDaysToRecovery: Number((t.days / Math.max(1, t.recoveredInvoices)).toFixed(2)),
  involuntaryChurnPct: Number((100 * (1 - t.recoveredInvoices / t.invoices)).toFixed(2)),
});

for (const seed of seeds) {
  const draw = rngFor(seed);
  const seedTotals: Record<string, Totals> = Object.fromEntries(Object.keys(POLICIES).map((k) => [k, empty()]));
  for (let i = 0; i < failures; i++) {
    const f = drawFailure(draw);
    const episodeSeed = Math.floor(draw() * 2 ** 31);
    for (const [name, policy] of Object.entries(POLICIES)) {
      const res = runEpisode(f, policy, rngFor(episodeSeed));
      for (const t of [seedTotals[name]!, totals[name]!]) {
        t.amount += res.amountMinor;
        t.invoices++;
        t.touches += res.touches;
        t.credits += res.creditMinor;
        if (res.recovered) {
          t.recovered += res.amountMinor;
          t.recoveredInvoices++;
          t.days += res.daysToRecovery!;
        }
      }
    }
    if ((i + 1) % 2_500 === 0) console.log(`seed ${seed}: ${i + 1}/${failures} failures`);
  }
  const s = Object.fromEntries(Object.entries(seedTotals).map(([k, t]) => [k, summarise(t).recoveredRevenuePct]));
  perSeed[seed] = s;
  console.log(
    `seed ${seed}: recovered revenue % — ${Object.entries(s)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
}

const result = Object.fromEntries(Object.entries(totals).map(([k, t]) => [k, summarise(t)]));
for (const [k, v] of Object.entries(result)) console.log(`${k}: ${JSON.stringify(v)}`);
const agent = result.agent!;
const stripe = result.stripeDefault!;
console.log(
  JSON.stringify({
    failures: failures * seeds.length,
    seeds,
    model: RECOVERY_MODEL.version,
    policies: result,
    perSeedRecoveredRevenuePct: perSeed,
    recoveredRevenueRatio: Number((agent.recoveredRevenuePct / stripe.recoveredRevenuePct).toFixed(3)),
    touchesRatio: Number((agent.touchesPerRecovered / stripe.touchesPerRecovered).toFixed(3)),
  }),
);
