import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { scoreListQuery } from '@/lib/schemas/scores';
import { agentJob } from '@/lib/server/agents/agent-triggers';
import { developerSuccess } from '@/lib/server/agents/developer-success/developer-success';
import { draftFromScore } from '@/lib/server/scores/draft-from-score';
import { exportCustomerScoresCsv } from '@/lib/server/scores/export-customer-scores-csv';
import { getCustomerScores } from '@/lib/server/scores/get-customer-scores';
import { listCustomerScores } from '@/lib/server/scores/list-customer-scores';
import { setPolicy } from '../actions/world';
import { uniq } from '../helpers/fresh-database';
import { makeUsageWorld, type UsageWorld } from '../agents/usage-world';

const job = agentJob(developerSuccess);
const DAY = 86_400_000;
let hot: UsageWorld;
let cold: UsageWorld;
let tag = '';
const revops = { id: '', email: '', name: 'Rey', role: 'revops' as const };

// Two customers of one catalogue-free tag: one growing past its limit, one idle; both scored by
// the agent, then read back through the list, export, scorecard and draft functions.
beforeAll(async () => {
  tag = uniq('exp');
  hot = await makeUsageWorld({ kind: 'growth', monthly: 0.4 }, { utilisation: 1.4 });
  cold = await makeUsageWorld({ kind: 'drop_to_zero', hoursAgo: 24 * 8 }, { utilisation: 0.3 });
  const db = getDb();
  for (const w of [hot, cold])
    await db.customer.update({ where: { id: w.customer.id }, data: { name: `${tag} ${w === hot ? 'Hot' : 'Cold'}` } });
  await db.customerCrmLink.create({
    data: { customerId: hot.customer.id, provider: 'salesforce', accountId: '001A', ownerName: 'Olivia Owner' },
  });
  const u = await db.user.create({ data: { email: `rey-${tag}@example.test`, name: 'Rey', role: 'revops' } });
  revops.id = u.id;
  revops.email = u.email;
  for (const [i, w] of [hot, cold].entries())
    for (const offset of [2 * DAY, 0])
      await job.handler(
        job.payloadSchema.parse({
          trigger: 'manual',
          customerIds: [w.customer.id],
          asOf: new Date(w.now.getTime() - offset + i).toISOString(),
        }),
        { jobId: 'test', attempt: 1 },
      );
  await setPolicy('crm_task', { mode: 'assist' });
  await setPolicy('plan_change', { mode: 'assist' });
});

describe('expansion lists', () => {
  it('ranks by the chosen score, worst health first, with plan, MRR, headroom, crossing and owner', async () => {
    const exp = await listCustomerScores(scoreListQuery.parse({ q: tag }));
    expect(exp.total).toBe(2);
    expect(exp.items.map((r) => r.customerId)).toEqual([hot.customer.id, cold.customer.id]);
    const top = exp.items[0]!;
    expect(top).toMatchObject({ owner: 'Olivia Owner', plan: { key: hot.growth.key }, mrrMinor: 19_900 });
    expect(top.headroomUsed).toBeGreaterThan(0.9);
    expect(top.crossingAt).not.toBeNull();
    expect(top.card.score).toBe(top.expansion);

    const health = await listCustomerScores(scoreListQuery.parse({ q: tag, list: 'health' }));
    expect(health.items[0]!.customerId).toBe(cold.customer.id);
    const risky = await listCustomerScores(scoreListQuery.parse({ q: tag, list: 'churn_risk', threshold: 101 - 1 }));
    expect(risky.total).toBe(0);
    const byOwner = await listCustomerScores(scoreListQuery.parse({ q: tag, owner: 'olivia' }));
    expect(byOwner.items.map((r) => r.customerId)).toEqual([hot.customer.id]);
  });

  it('exports the same list as CSV', async () => {
    const csv = await exportCustomerScoresCsv(scoreListQuery.parse({ q: tag, list: 'churn_risk' }));
    const lines = csv.trim().split('\n');
    expect(lines[0]).toMatch(/^customer_id,customer,email,plan,mrr_minor/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(cold.customer.id);
  });

  it('the scorecard has history for the sparkline, oldest first', async () => {
    const s = await getCustomerScores(hot.customer.id);
    expect(s.history.length).toBeGreaterThanOrEqual(2);
    expect(new Date(s.history[0]!.computedAt) < new Date(s.history.at(-1)!.computedAt)).toBe(true);
    expect(s.latest!.expansion.factors.map((f) => f.key)).toContain('crossing');
  });

  it('drafts a CRM task and an upgrade with the scorecard as evidence, through policy', async () => {
    const task = await draftFromScore(revops, hot.customer.id, { action: 'crm_task', list: 'expansion' }, 'req');
    expect(task.outcome).toBe('drafted');
    const upgrade = await draftFromScore(revops, hot.customer.id, { action: 'upgrade', list: 'expansion' }, 'req');
    expect(upgrade.outcome).toBe('drafted');
    const db = getDb();
    const [a, b] = await Promise.all(
      [task.actionId!, upgrade.actionId!].map((id) =>
        db.action.findUniqueOrThrow({ where: { id }, include: { revisions: true } }),
      ),
    );
    expect(a).toMatchObject({ kind: 'crm_task', status: 'pending_approval' });
    const taskPayload = a.revisions[0]!.payload as Record<string, string>;
    expect(taskPayload.owner).toBe('Olivia Owner');
    expect(taskPayload.body).toMatch(/^Expansion score \d+\/100/);
    expect(taskPayload.body).toContain('Headroom used');
    expect(b).toMatchObject({ kind: 'plan_change', status: 'pending_approval' });
    expect(b.revisions[0]!.payload).toMatchObject({ fromPlanKey: hot.growth.key, toPlanKey: hot.scale.key });
    const audit = await db.auditEvent.findFirst({ where: { targetId: a.id, action: 'action.proposed' } });
    expect(audit?.sourceRef).toMatch(/^customer_health_scores:/);
  });

  it('refuses to draft for a customer that has no score', async () => {
    const db = getDb();
    const c = await db.customer.create({ data: { name: `${tag} unscored` } });
    await expect(draftFromScore(revops, c.id, { action: 'crm_task', list: 'expansion' }, 'r')).rejects.toMatchObject({
      code: 'not_scored',
    });
  });
});
