/**
 * A simulated customer base for `npm run eval:scores`, with what happened next as ground truth.
 *
 * Each customer has two hidden traits: `growth` (log usage growth per 4 weeks, N(0, 0.35)) and
 * `satisfaction` (N(0, 1)), plus an integration depth d ~ U(0, 1). The scorer never sees them:
 * it sees only what Tollgate would store — 28 days of daily usage per meter, the period's usage
 * against the plan's limits, usage-event property counts, 90 days of payment attempts and
 * tickets with texts, the cancel-at-period-end flag — each a noisy consequence of the traits.
 * The outcomes over the next 60 days are Bernoulli draws from the traits (never from the
 * observations), so even a perfect reader of the traits cannot score 1.0:
 *
 *   churned   ~ Bernoulli(σ(-2.6 - 1.6·satisfaction - 1.5·growth))
 *   expanded  ~ Bernoulli(σ(-3 + 3·(u60 - 1) + 1.5·d + 0.5·satisfaction)), only if not churned,
 *               where u60 = utilisation pace now × e^(growth·60/28) — expansion is being over the plan later.
 *
 * These parameters were fixed before the scorecards were first evaluated and are not tuned to them.
 */
import { createRng, type Rng } from '../../lib/prng';
import type { ScoreInputs, ScoreTicketInput } from '../../lib/analytics/score-signals';

export const SIMULATOR = {
  seed: 20_261_202,
  customers: 600,
  growthSd: 0.35,
  churn: { intercept: -2.6, satisfaction: -1.6, growth: -1.5 },
  expansion: { intercept: -3, overUse: 3, depth: 1.5, satisfaction: 0.5 },
  dailyNoiseSd: 0.25,
  horizonDays: 60,
} as const;

const DAY = 86_400_000;
const AS_OF = Date.UTC(2026, 10, 20);
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

function poisson(rng: Rng, lambda: number): number {
  const l = Math.exp(-lambda);
  let k = 0;
  for (let p = rng.next(); p > l; p *= rng.next()) k++;
  return k;
}

const TEXTS: Record<'neutral' | 'positive' | 'negative' | 'leaving', readonly (readonly [string, string])[]> = {
  neutral: [
    ['How do I rotate an API key?', 'We need to rotate our production key, what is the procedure?'],
    ['Invoice format question', 'Can the invoice show our purchase order number?'],
    ['Rate limit headers', 'Which header tells us the remaining quota?'],
  ],
  positive: [
    ['Thanks for the quick fix', 'The new endpoint works well, thank you.'],
    ['Great support', 'We appreciate the help with the migration.'],
  ],
  negative: [
    ['API broken again', 'Requests are failing again, this is unacceptable.'],
    ['Frustrated with latency', 'Another outage this week, very disappointing.'],
    ['Overcharged?', 'We think we were overcharged and want a refund.'],
  ],
  leaving: [
    ['Cancel our plan', 'We want to cancel at the end of this month.'],
    ['Downgrade request', 'Please downgrade us to the smaller plan.'],
    ['Evaluating alternatives', 'We are considering a switch to a competitor.'],
  ],
};

export interface SimulatedCustomer {
  id: string;
  inputs: ScoreInputs;
  churned: boolean;
  expanded: boolean;
  /** The true probabilities the outcomes were drawn from: the eval's ceiling, never a feature. */
  truth: { pChurn: number; pExpand: number };
}

function simulateOne(rng: Rng, i: number): SimulatedCustomer {
  const growth = rng.normal(0, SIMULATOR.growthSd);
  const satisfaction = rng.normal(0, 1);
  const depth = rng.next();
  const pace = Math.exp(rng.normal(Math.log(0.6), 0.5)); // utilisation at the period end at the 4-week-average pace
  const elapsedDays = rng.int(5, 28);
  const periodStart = AS_OF - elapsedDays * DAY;
  const meterCount = rng.int(2, 4);
  const idleBase = sigmoid(-3 - 1.2 * satisfaction);

  const meters = Array.from({ length: meterCount }, (_, m) => {
    const used = m === 0 || rng.chance(sigmoid(0.3 + 0.8 * satisfaction + depth));
    const included = 30 * 1000 * (1 + m);
    const rate0 = used ? (pace * included) / 30 / Math.exp(growth / 2) : 0;
    const daily = Array.from({ length: 28 }, (_, d) => {
      // Disengaging customers go idle more often towards the end of the window.
      if (rng.chance(idleBase * (1 + (2 * d) / 27))) return 0;
      const weekday = (d + 3) % 7 < 5 ? 1.1 : 0.75;
      return rate0 * Math.exp((growth * d) / 28) * weekday * Math.exp(rng.normal(0, SIMULATOR.dailyNoiseSd));
    });
    daily[27] = daily[27]! * rng.next(); // today so far
    const usedThisPeriod = daily.slice(-Math.min(elapsedDays + 1, 28)).reduce((a, b) => a + b, 0);
    return { key: `meter_${m}`, name: `Meter ${m}`, included, used: usedThisPeriod, daily };
  });

  const tickets: ScoreTicketInput[] = [];
  for (let t = poisson(rng, 0.8 + 1.2 * Math.max(0, -satisfaction)); t > 0; t--) {
    const tone = rng.chance(sigmoid(-3.2 - 1.6 * satisfaction))
      ? 'leaving'
      : rng.chance(sigmoid(-1 - 1.2 * satisfaction))
        ? 'negative'
        : rng.chance(sigmoid(-0.5 + satisfaction))
          ? 'positive'
          : 'neutral';
    const [subject, body] = rng.pick(TEXTS[tone]);
    tickets.push({
      createdAt: AS_OF - rng.int(0, 89) * DAY,
      subject,
      body,
      priority: tone === 'neutral' ? 'normal' : rng.pick(['normal', 'high']),
    });
  }

  const failP = sigmoid(-3 - satisfaction + rng.normal(0, 0.5));
  const failed = [0, 1, 2].filter(() => rng.chance(failP)).length + (rng.chance(failP) ? 1 : 0);
  const overUse = Math.max(0, pace * Math.exp(-growth / 2) - 1);
  const basePriceMinor = rng.pick([4900, 19_900, 49_900]);

  const inputs: ScoreInputs = {
    asOf: AS_OF,
    periodStart,
    periodEnd: periodStart + 30 * DAY,
    subscriptionStatus: failed >= 2 && rng.chance(0.6) ? 'past_due' : 'active',
    cancelAtPeriodEnd: rng.chance(sigmoid(-4.5 - 1.5 * satisfaction)),
    basePriceMinor,
    meters,
    integration: {
      endpoints: poisson(rng, 1 + 7 * depth),
      regions: 1 + poisson(rng, 2 * depth),
      apiKeys: 1 + poisson(rng, 3 * depth),
      webhookEvents: rng.chance(depth) ? poisson(rng, 500) : 0,
    },
    overagePaidMinor: Math.round(overUse * basePriceMinor * 3 * Math.exp(rng.normal(0, 0.3))),
    payments: { failed, succeeded: 3 },
    dunning: false,
    tickets,
  };
  inputs.dunning = inputs.subscriptionStatus === 'past_due';

  const c = SIMULATOR.churn;
  const pChurn = sigmoid(c.intercept + c.satisfaction * satisfaction + c.growth * growth);
  const churned = rng.chance(pChurn);
  const u60 = pace * Math.exp((growth * SIMULATOR.horizonDays) / 28);
  const e = SIMULATOR.expansion;
  const pExpand = sigmoid(e.intercept + e.overUse * (u60 - 1) + e.depth * depth + e.satisfaction * satisfaction);
  const expanded = !churned && rng.chance(pExpand);
  return { id: `sim_${i}`, inputs, churned, expanded, truth: { pChurn, pExpand: (1 - pChurn) * pExpand } };
}

export function simulateCustomers(
  count: number = SIMULATOR.customers,
  seed: number = SIMULATOR.seed,
): SimulatedCustomer[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) => simulateOne(rng, i));
}
