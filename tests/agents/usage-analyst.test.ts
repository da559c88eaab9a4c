import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, getPool } from '@/lib/db';
import { agentJob } from '@/lib/server/agents/agent-triggers';
import { usageAnalyst } from '@/lib/server/agents/usage-analyst/usage-analyst';
import { verifyAuditChain } from '@/lib/server/audit/verify-audit-chain';
import { setPolicy } from '../actions/world';
import { findPlanComparison } from '@/lib/schemas/plan-comparison';
import { agentState, makeUsageWorld, type UsageWorld } from './usage-world';

const HOUR = 3_600_000;
const usageAnalystJob = agentJob(usageAnalyst);

// Labelled scenarios end to end through the job definition: hourly rollups written for a customer
// of their own, the job's handler run as the worker would, and the decision records, threshold
// alerts and drafted actions read back from PostgreSQL.
async function runJob(w: UsageWorld, asOf: Date = w.now) {
  await usageAnalystJob.handler(
    usageAnalystJob.payloadSchema.parse({ customerIds: [w.customer.id], trigger: 'manual', asOf: asOf.toISOString() }),
    { jobId: 'test', attempt: 1 },
  );
}
const payloadOf = (a: { currentRevision: number; revisions: { revision: number; payload: unknown }[] }) =>
  a.revisions.find((r) => r.revision === a.currentRevision)!.payload as Record<string, any>;

beforeAll(async () => {
  await setPolicy('plan_change', { mode: 'assist', settings: { usageThresholds: [80, 90, 100] } });
  for (const kind of ['email', 'crm_task', 'slack_post'] as const) await setPolicy(kind, { mode: 'assist' });
});

describe('usage analyst', () => {
  it('steady seasonal usage: nothing to decide, so no drafts and no decision record', async () => {
    const w = await makeUsageWorld({ kind: 'steady' }, { utilisation: 0.5 });
    await runJob(w);
    const s = await agentState(w.customer.id);
    expect(s.runs).toHaveLength(0);
    expect(s.actions).toHaveLength(0);
    expect(s.alerts).toHaveLength(0);
  });

  it('organic growth crossing 80/90/100 %: one upgrade, one e-mail per threshold, each once per period', async () => {
    // Overage at half a cent a request: 400k requests over cost $2,000, so Scale ($799) is cheaper.
    const w = await makeUsageWorld({ kind: 'growth', monthly: 0.25 }, { utilisation: 1.4, overageUnitPrice: 0.5 });
    const [t80, t90, t100] = [w.reaching(0.8)!, w.reaching(0.9)!, w.reaching(1.0)!];
    expect(t100.getTime()).toBeLessThanOrEqual(w.now.getTime());

    await runJob(w, t80);
    let s = await agentState(w.customer.id);
    expect(s.alerts.map((a) => a.thresholdPct)).toEqual([80]);
    expect(s.kinds.sort()).toEqual(['email', 'plan_change']);
    expect(s.runs).toHaveLength(1);
    const run = s.runs[0];
    expect(run).toMatchObject({
      agentId: 'usage-analyst',
      agentVersion: '1.0.0',
      modelProvider: 'builtin',
      status: 'succeeded',
      trigger: { type: 'manual', ref: 'jobs:test' },
    });
    const inputs = run.inputs as any;
    expect(inputs.meters[0]).toMatchObject({ meterKey: w.meter.key, included: 1_000_000, anomalies: [] });
    expect(inputs.meters[0].utilisation).toBeGreaterThanOrEqual(0.8);
    expect(inputs.meters[0].forecast.expected).toBeGreaterThan(1_000_000);
    expect((run.outputs as any).thresholdsFired).toEqual([{ meterKey: w.meter.key, pct: 80, refired: false }]);
    expect(run.reasoning).toContain('organic growth');
    expect(run.reasoning).toMatch(/Growth \$199\.00\/mo → Scale \$799\.00\/mo, prorated \$[\d,.]+ today/);
    const upgrade = s.actions.find((a) => a.kind === 'plan_change')!;
    expect(upgrade).toMatchObject({
      status: 'pending_approval',
      agentRunId: run.id,
      title: `Upgrade ${w.customer.name} to Scale`,
    });
    expect(payloadOf(upgrade)).toMatchObject({
      subscriptionId: w.subscription.id,
      fromPlanKey: w.growth.key,
      toPlanKey: w.scale.key,
      effective: 'now',
    });
    const mail = payloadOf(s.actions.find((a) => a.kind === 'email')!);
    expect(mail.to).toBe(w.customer.email);
    expect(mail.subject).toMatch(/^API calls at 8\d(\.\d)?% of your Growth plan$/);
    expect(mail.body).toContain(
      'The Scale plan includes 10,000,000 requests for $799.00 a month. You are on Growth ($199.00 a month).',
    );
    expect(mail.body).toMatch(
      /comes to \$799\.00 on Scale, against \$[\d,.]+ on Growth including \$[\d,.]+ of overage/,
    );
    // The comparison behind it is the decision's evidence: a table, not only a paragraph.
    const comparison = findPlanComparison(run.outputs)!;
    expect(comparison).toMatchObject({
      currentPlan: { key: w.growth.key },
      proposedPlan: { key: w.scale.key },
      reason: 'cheaper',
      effective: 'now',
      horizon: 'this_period',
    });
    expect(comparison.meters[0]).toMatchObject({
      meterKey: w.meter.key,
      included: 1_000_000,
      proposedIncluded: 10_000_000,
    });
    const [stay, move] = comparison.thisPeriod;
    expect(stay.totalMinor).toBe(19_900 + stay.overageMinor);
    expect(stay.totalMinor - move.totalMinor).toBe(comparison.savingMinor);
    expect(move).toMatchObject({ planKey: w.scale.key, totalMinor: 79_900, overageMinor: 0 });
    expect(mail.body).toMatch(/We expect about [\d,]+ requests by/);

    await runJob(w, t80); // same period, same threshold: nothing new
    expect((await agentState(w.customer.id)).actions).toHaveLength(2);

    await runJob(w, t90);
    s = await agentState(w.customer.id);
    expect(s.alerts.map((a) => a.thresholdPct)).toEqual([80, 90]);
    expect([s.count('plan_change'), s.count('email')]).toEqual([1, 2]);
    expect((s.runs[1].outputs as any).drafts).toContainEqual(
      expect.objectContaining({ kind: 'plan_change', outcome: 'skipped', actionId: upgrade.id }),
    );

    await runJob(w, t100);
    await runJob(w, t100);
    await runJob(w);
    s = await agentState(w.customer.id);
    expect(s.alerts.map((a) => [a.thresholdPct, a.resolvedAt])).toEqual([
      [80, null],
      [90, null],
      [100, null],
    ]);
    expect([s.count('plan_change'), s.count('email'), s.count('crm_task'), s.count('slack_post')]).toEqual([
      1, 3, 0, 0,
    ]);
    expect(s.runs).toHaveLength(3);
    expect(s.alerts.every((a) => s.runs.some((r) => r.id === a.agentRunId))).toBe(true);
    expect((await verifyAuditChain(getDb())).ok).toBe(true);

    // An upgrade raises the included quantity: usage is back under every threshold, so they resolve.
    await getDb().subscription.update({ where: { id: w.subscription.id }, data: { planId: w.scale.id } });
    await runJob(w);
    s = await agentState(w.customer.id);
    expect(s.alerts.every((a) => a.resolvedAt !== null)).toBe(true);
    expect((s.runs.at(-1)!.outputs as any).thresholdsResolved).toHaveLength(3);
    expect(s.actions).toHaveLength(4);
  });

  it('organic growth whose overage costs less than the upgrade: a threshold notice, no plan change', async () => {
    // Two hundredths of a cent a request: ~400k over cost ~$80, far less than Scale's $600 more.
    const w = await makeUsageWorld({ kind: 'growth', monthly: 0.25 }, { utilisation: 1.4, overageUnitPrice: 0.02 });
    await runJob(w, w.reaching(0.8)!);
    const s = await agentState(w.customer.id);
    expect(s.alerts.map((a) => a.thresholdPct)).toEqual([80]);
    expect(s.kinds).toEqual(['email']);
    const run = s.runs[0];
    expect(findPlanComparison(run.outputs)).toMatchObject({
      reason: 'stay_cheaper',
      proposedPlan: null,
      effective: null,
    });
    expect(run.reasoning).toMatch(/paying the overage is cheaper, so no plan change is proposed/);
    const email = s.actions[0];
    expect(email.title).toMatch(/past 80% .* — FYI$/);
    const mail = payloadOf(email);
    expect(mail.body).toMatch(
      /On Growth \(\$199\.00 a month\) the usage we expect this period comes to \$[\d,.]+ \(\$199\.00 plan \+ \$[\d,.]+ overage\)\. That is less than a larger plan would cost/,
    );
    expect(mail.body).not.toContain('Scale');
  });

  it('a single spike: a review task with the evidence, no upgrade', async () => {
    const w = await makeUsageWorld({ kind: 'spike', hoursAgo: 20, factor: 8 }, { utilisation: 0.5 });
    await runJob(w);
    await runJob(w);
    const s = await agentState(w.customer.id);
    expect(s.kinds).toEqual(['crm_task']);
    const task = payloadOf(s.actions[0]);
    expect(task.title).toBe(`Review spike in API calls usage: ${w.customer.name}`);
    expect(task.body).toMatch(/Detector score 0\.\d\d \(alarm threshold 0\.35\)/);
    expect(task.body).toMatch(/against a baseline of [\d,.]+ \(same hour in previous weeks\), [\d.]+x/);
    expect(s.runs).toHaveLength(1);
    const [episode] = (s.runs[0].outputs as any).episodes;
    expect(episode).toMatchObject({ meterKey: w.meter.key, direction: 'up', kind: 'spike', runaway: false });
    expect(Date.parse(episode.at)).toBe(w.now.getTime() - 20 * HOUR);
    const seen = (s.runs[0].inputs as any).meters[0].anomalies[0];
    expect(seen.score).toBeGreaterThanOrEqual(0.35);
    expect(seen.ratio).toBeGreaterThan(3);
  });

  it('a level shift: a review task', async () => {
    const w = await makeUsageWorld({ kind: 'level_shift', hoursAgo: 30, factor: 2.5 }, { utilisation: 0.5 });
    await runJob(w);
    const s = await agentState(w.customer.id);
    expect(s.kinds).toEqual(['crm_task']);
    expect(payloadOf(s.actions[0]).title).toContain('Review level shift in API calls usage');
    expect((s.runs[0].outputs as any).episodes).toEqual([
      expect.objectContaining({ kind: 'level_shift', direction: 'up', runaway: false }),
    ]);
  });

  it('a drop to zero: a review task', async () => {
    const w = await makeUsageWorld({ kind: 'drop_to_zero', hoursAgo: 30 }, { utilisation: 0.5 });
    await runJob(w);
    await runJob(w);
    const s = await agentState(w.customer.id);
    expect(s.kinds).toEqual(['crm_task']);
    const task = payloadOf(s.actions[0]);
    expect(task.title).toContain('Review drop to zero in API calls usage');
    expect(task.body).toContain('broken integration');
    expect((s.runs[0].outputs as any).episodes).toEqual([expect.objectContaining({ kind: 'drop', direction: 'down' })]);
  });

  it('runaway growth: a review, then a Slack alert once it is runaway — never an upgrade', async () => {
    const w = await makeUsageWorld({ kind: 'runaway', hours: 72, factor: 25 }, { utilisation: 0.6 });
    // Half a day into the climb it looks like a level shift: review only.
    await runJob(w, new Date(w.now.getTime() - 48 * HOUR));
    let s = await agentState(w.customer.id);
    expect(s.kinds).toEqual(['crm_task']);
    // Now it has climbed to ~20x and past the 80 and 90 % thresholds: an alert, but no upgrade.
    await runJob(w);
    await runJob(w);
    s = await agentState(w.customer.id);
    expect(s.kinds).toEqual(['crm_task', 'slack_post']);
    expect(s.alerts.map((a) => a.thresholdPct)).toEqual([80, 90]);
    const last = s.runs.at(-1)!;
    expect((last.outputs as any).episodes).toEqual([
      expect.objectContaining({ kind: 'runaway_growth', runaway: true }),
    ]);
    expect(last.reasoning).toMatch(
      /crossed 90%, but during anomalous growth \(runaway since .*\): no upgrade proposed/,
    );
    expect(payloadOf(s.actions[1]).text).toMatch(
      /^:rotating_light: Runaway usage at .*: API calls is at \d+x its usual level over the last six hours/,
    );
    expect(s.runs).toHaveLength(2);
  });

  it('policy decides: observe records the decision without drafting, and does not repeat it', async () => {
    await setPolicy('crm_task', { mode: 'observe' });
    try {
      const w = await makeUsageWorld({ kind: 'spike', hoursAgo: 10, factor: 8 }, { utilisation: 0.5, seed: 3 });
      await runJob(w);
      await runJob(w);
      const s = await agentState(w.customer.id);
      expect(s.actions).toHaveLength(0);
      expect(s.runs).toHaveLength(1);
      expect((s.runs[0].outputs as any).drafts).toEqual([
        expect.objectContaining({ kind: 'crm_task', outcome: 'observed', actionId: null }),
      ]);
    } finally {
      await setPolicy('crm_task', { mode: 'assist' });
    }
  });

  it('the usage-insights read model shows what the agent decided on', async () => {
    const { getUsageInsights } = await import('@/lib/server/insights/get-usage-insights');
    const w = await makeUsageWorld({ kind: 'runaway', hours: 72, factor: 25 }, { utilisation: 0.6, seed: 2 });
    await runJob(w);
    const view = await getUsageInsights(w.customer.id, new Date(w.now.getTime() + 10 * 60_000));
    const m = view.meters[0];
    expect(m).toMatchObject({ meterKey: w.meter.key, limit: 1_000_000 });
    expect(m.utilisation).toBeGreaterThan(0.9);
    const analysedHours = Math.floor((Date.parse(view.asOf) - w.periodStart.getTime()) / HOUR);
    expect(m.points.length).toBe(Math.min(analysedHours, 25 * 24));
    expect(m.points.every((p, i) => i === 0 || p.value >= m.points[i - 1].value)).toBe(true);
    expect(m.forecast.band.length).toBeGreaterThan(10);
    expect(m.forecast.band.every((b) => b.lower <= b.expected && b.expected <= b.upper)).toBe(true);
    expect(m.forecast.crossingDate).not.toBeNull();
    expect(m.anomalies).toEqual([expect.objectContaining({ kind: 'runaway_growth', runaway: true, direction: 'up' })]);
    expect(m.thresholds.map((t) => t.pct)).toEqual([80, 90]);
    expect(view.decisions.map((d) => d.kind).sort()).toEqual(['crm_task', 'slack_post']);
    expect(view.decisions[0].reasoning).toContain('runaway');
  });

  it('the after-ingest trigger debounces per customer through pg-boss', async () => {
    const { startWorker } = await import('@/lib/server/worker/start-worker');
    const { triggerAgentsAfterIngest } = await import('@/lib/server/agents/agent-triggers');
    const worker = await startWorker('ua-test', [usageAnalystJob], { loops: false });
    try {
      const id = `cus_debounce_${Date.now()}`;
      for (let i = 0; i < 4; i++) await triggerAgentsAfterIngest([id, id]);
      const { rows } = await getPool().query(
        `SELECT data, start_after > now() + interval '20 seconds' AS later FROM pgboss.job WHERE name = $1 AND singleton_key = $2`,
        [usageAnalystJob.name, `usage-analyst:${id}`],
      );
      // One run ~30 s out, and at most one more for usage that arrived after it was queued.
      expect(rows.length).toBeGreaterThanOrEqual(1);
      expect(rows.length).toBeLessThanOrEqual(2);
      expect(rows[0].data).toEqual({ customerIds: [id], trigger: 'ingest' });
      expect(rows.some((r) => r.later)).toBe(true);
      await getPool().query(`DELETE FROM pgboss.job WHERE singleton_key = $1`, [`usage-analyst:${id}`]);
    } finally {
      await worker.stop();
    }
  });
});
