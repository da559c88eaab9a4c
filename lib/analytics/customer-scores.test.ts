import { describe, expect, it } from 'vitest';
import { scoreCustomer } from './customer-scores';
import { precisionAtK, rocAuc } from './ranking-metrics';
import { deriveScoreSignals, type ScoreInputs } from './score-signals';
import { ticketSentiment } from './ticket-sentiment';

const DAY = 86_400_000;
const AS_OF = Date.UTC(2026, 5, 20);
const base = (over: Partial<ScoreInputs> = {}): ScoreInputs => ({
  asOf: AS_OF,
  periodStart: AS_OF - 15 * DAY,
  periodEnd: AS_OF + 15 * DAY,
  subscriptionStatus: 'active',
  cancelAtPeriodEnd: false,
  basePriceMinor: 19_900,
  meters: [{ key: 'api_calls', name: 'API calls', included: 30_000, used: 15_000, daily: new Array(28).fill(1_000) }],
  integration: { endpoints: 2, regions: 1, apiKeys: 1, webhookEvents: 0 },
  overagePaidMinor: 0,
  payments: { failed: 0, succeeded: 3 },
  dunning: false,
  tickets: [],
  ...over,
});
const score = (over: Partial<ScoreInputs> = {}) => scoreCustomer(deriveScoreSignals(base(over)));

describe('customer scorecards', () => {
  it('each score is the sum of its factor contributions, within 0–100', () => {
    for (const s of [score(), score({ dunning: true, cancelAtPeriodEnd: true })]) {
      for (const card of [s.expansion, s.health, s.churnRisk]) {
        const sum = card.factors.reduce((a, f) => a + f.points, 0);
        expect(Math.abs(sum - card.score)).toBeLessThanOrEqual(0.6);
        expect(card.score).toBeGreaterThanOrEqual(0);
        expect(card.score).toBeLessThanOrEqual(100);
        expect(card.factors.reduce((a, f) => a + f.maxPoints, 0)).toBe(100);
      }
    }
  });

  it('growth towards the limit raises expansion; the forecast crossing comes from the recent rate', () => {
    const daily = Array.from({ length: 28 }, (_, d) => 500 * 1.06 ** d);
    const growing = score({ meters: [{ key: 'a', name: 'A', included: 30_000, used: 25_000, daily }] });
    expect(growing.expansion.score).toBeGreaterThan(score().expansion.score + 20);
    const crossing = growing.expansion.factors.find((f) => f.key === 'crossing')!;
    expect(crossing.points).toBeGreaterThan(10);
    expect(crossing.detail).toMatch(/reach a limit in \d+ day/);
  });

  it('usage that stopped, dunning and a cancel ticket make churn risk high and health low', () => {
    const daily = [...new Array(21).fill(1_000), ...new Array(7).fill(0)];
    const s = score({
      meters: [{ key: 'a', name: 'A', included: 30_000, used: 8_000, daily }],
      dunning: true,
      payments: { failed: 2, succeeded: 1 },
      tickets: [
        {
          createdAt: AS_OF - 3 * DAY,
          subject: 'Cancel',
          body: 'We are frustrated and want to cancel',
          priority: 'high',
        },
      ],
    });
    expect(s.churnRisk.score).toBeGreaterThanOrEqual(75);
    expect(s.health.score).toBeLessThanOrEqual(25);
    expect(score().churnRisk.score).toBeLessThan(20);
  });

  it('ticket sentiment: leaving intent is found, thanks are positive', () => {
    expect(ticketSentiment('Downgrade', 'Please downgrade us')).toMatchObject({ leavingIntent: true });
    expect(ticketSentiment('Thanks', 'Great, works well').score).toBeGreaterThan(0);
  });
});

describe('ranking metrics', () => {
  it('AUC is 1 for a perfect ranking, 0.5 with all ties, and precision@k counts the top k', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [false, false, true, true])).toBe(1);
    expect(rocAuc([1, 1, 1, 1], [false, true, false, true])).toBe(0.5);
    expect(precisionAtK([5, 4, 3, 2], [true, false, true, true], 2)).toBe(0.5);
  });
});
