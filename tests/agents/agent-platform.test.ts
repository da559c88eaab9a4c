import { describe, expect, it } from 'vitest';
import { isHandledStripeEventType } from '@/lib/server/billing/stripe/normalize/event-types';
import { RESOLVING_EVENTS } from '@/lib/server/agents/billing-ops-sla/billing-ops-sla';
import { getDb } from '@/lib/db';
import { agentJob } from '@/lib/server/agents/agent-triggers';
import { defineAgent } from '@/lib/server/agents/define-agent';
import { AGENTS, agentTitles } from '@/lib/server/agents/registry';
import { setPolicy } from '../actions/world';
import { uniq } from '../helpers/fresh-database';

// The platform on its own, with agents defined here: what run(ctx) is given, what the one
// decision-record writer stores, and how a per-customer run survives one failing customer.

const meta = { jobId: 'platform-test', attempt: 1 };

describe('agent platform', () => {
  it('the registry: unique ids and queues, every webhook trigger a Stripe event type the inbox applies', () => {
    const ids = AGENTS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(AGENTS.map((a) => agentJob(a).name)).size).toBe(ids.length);
    for (const a of AGENTS)
      for (const t of a.triggers)
        if (t.on === 'webhook')
          // Stripe event types the inbox applies, or the incident events the incident sources emit.
          expect(t.events.filter((e) => !isHandledStripeEventType(e) && !RESOLVING_EVENTS.includes(e))).toEqual([]);
    expect(agentTitles()).toMatchObject({ 'usage-analyst': 'Usage Analyst', 'dispute-desk': 'Dispute Desk' });
  });

  it('a decision: ctx.now from asOf, drafts through policy, every part of the record stored', async () => {
    await setPolicy('crm_task', { mode: 'assist' });
    const customer = await getDb().customer.create({ data: { name: `Platform ${uniq('c')}` } });
    const seen: Date[] = [];
    const agent = defineAgent({
      id: `test-${uniq('a')
        .toLowerCase()
        .replace(/[^a-z0-9]/g, '')}`.slice(0, 40),
      version: '2.1.0',
      title: 'Test agent',
      description: 'drafts one task',
      triggers: [{ on: 'on_demand' }],
      run: async (ctx) => {
        seen.push(ctx.now);
        await getDb().$transaction((tx) =>
          ctx.decide(
            tx,
            {
              customerId: customer.id,
              sourceRef: 'test:1',
              inputs: { looked: 'at this' },
              model: { provider: 'builtin' },
            },
            async (run) => {
              run.evidence({ fact: 1 });
              run.toolCall({ name: 'lookup', args: { q: 1 }, result: { found: true } });
              run.reason('First line.', 'Second line.');
              run.output({ extra: 'kept' });
              await run.propose({
                kind: 'crm_task',
                title: 'Call them',
                payload: { title: 'Call them' },
                reasoning: 'why',
                sourceRef: 'test:1',
              });
              run.skip({ kind: 'email', actionId: null, reason: 'no e-mail on file' });
            },
          ),
        );
      },
    });
    const asOf = '2028-02-29T12:00:00.000Z';
    await agentJob(agent).handler({ trigger: 'manual', asOf }, meta);
    expect(seen).toEqual([new Date(asOf)]);
    const run = await getDb().agentRun.findFirstOrThrow({ where: { agentId: agent.id }, include: { actions: true } });
    expect(run).toMatchObject({
      agentVersion: '2.1.0',
      customerId: customer.id,
      status: 'succeeded',
      trigger: { type: 'manual', ref: 'jobs:platform-test' },
      sourceRef: 'test:1',
      inputs: { looked: 'at this' },
      modelProvider: 'builtin',
      reasoning: 'First line.\nSecond line.',
      outputs: {
        outcome: '1 drafted, 1 skipped',
        evidence: [{ fact: 1 }],
        toolCalls: [{ name: 'lookup', args: { q: 1 }, result: { found: true } }],
        drafts: [
          expect.objectContaining({ kind: 'crm_task', outcome: 'drafted' }),
          expect.objectContaining({ kind: 'email', outcome: 'skipped', reason: 'no e-mail on file' }),
        ],
        extra: 'kept',
      },
    });
    expect(run.finishedAt!.getTime()).toBeGreaterThanOrEqual(run.startedAt.getTime());
    expect(run.actions).toEqual([expect.objectContaining({ kind: 'crm_task', status: 'pending_approval' })]);
  });

  it('per customer: a failing customer gets a failed record, the others still decide, then the job fails', async () => {
    const [a, b] = await Promise.all(
      ['A', 'B'].map((n) => getDb().customer.create({ data: { name: `${n} ${uniq('c')}` } })),
    );
    const agent = defineAgent({
      id: `test-${uniq('b')
        .toLowerCase()
        .replace(/[^a-z0-9]/g, '')}`.slice(0, 40),
      version: '1.0.0',
      title: 'Per-customer test agent',
      description: 'fails for A',
      triggers: [{ on: 'on_demand' }],
      customers: async () => [a.id, b.id],
      run: async (ctx) => {
        if (ctx.customerId === a.id) throw new Error('cannot read A');
        await getDb().$transaction((tx) =>
          ctx.decide(tx, { customerId: ctx.customerId, sourceRef: null, inputs: {} }, async () => {}),
        );
      },
    });
    await expect(agentJob(agent).handler({ trigger: 'manual' }, meta)).rejects.toThrow(/failed for 1 of 2 customer/);
    const runs = await getDb().agentRun.findMany({ where: { agentId: agent.id }, orderBy: { status: 'asc' } });
    expect(runs.map((r) => [r.customerId, r.status])).toEqual(
      expect.arrayContaining([
        [a.id, 'failed'],
        [b.id, 'succeeded'],
      ]),
    );
    expect(runs.find((r) => r.status === 'failed')!.error).toBe('Error: cannot read A');
  });
});
