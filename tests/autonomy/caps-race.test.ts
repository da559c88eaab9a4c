import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '@/generated/prisma/client';
import { getDb } from '@/lib/db';
import { proposeAction } from '@/lib/server/actions/propose-action';
import { makeWorld, type World } from '../actions/world';
import { putWorkflowInPhase } from '../helpers/agent-workflow';

// Autopilot caps of a workflow under concurrent proposals: each proposal in its own transaction
// on its own connection, all started together, as parallel agent runs would be. Without the
// workflow lock every one would read "0 sent today" and pass.

const PROPOSALS = 8;
let w: World;
const clients: PrismaClient[] = [];
const extraCustomers: string[] = [];

beforeAll(async () => {
  w = await makeWorld();
  for (let i = 0; i < PROPOSALS; i++) {
    clients.push(
      new PrismaClient({ adapter: new PrismaPg(new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 })) }),
    );
    const c = await getDb().customer.create({
      data: { name: `Race ${w.tag} ${i}`, email: `race-${i}-${w.tag}@example.test` },
    });
    extraCustomers.push(c.id);
  }
  await Promise.all(clients.map((c) => c.$queryRaw`SELECT 1`)); // every connection open before the race
  await import('@/lib/server/agents/registry'); // loaded before the race, not inside the first transaction
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.$disconnect()));
  await getDb().agentWorkflow.deleteMany({ where: { agentId: 'usage-analyst', actionKind: 'email' } });
});

const race = (customerFor: (i: number) => string) =>
  Promise.all(
    clients.map((c, i) =>
      c.$transaction(
        (tx) =>
          proposeAction(tx, {
            kind: 'email',
            customerId: customerFor(i),
            title: `Upgrade nudge ${i}`,
            payload: { to: 'billing@example.test', subject: `Nudge ${i}`, body: 'You are close to your limit.' },
            actor: { type: 'agent', id: 'usage-analyst', version: '1.0.0' },
          }),
        // They queue on the workflow lock; on a loaded machine eight in a row outlast the 5 s default.
        { timeout: 30_000, maxWait: 30_000 },
      ),
    ),
  );

describe('workflow caps under concurrent proposals', () => {
  it(`${PROPOSALS} concurrent e-mails to one customer: exactly the per-customer daily cap is auto-approved`, async () => {
    await putWorkflowInPhase('usage-analyst', 'email', 'autopilot', {
      maxCountPerCustomerDay: 3,
      maxCountPerCustomerMonth: 100,
      dailyCeilingCount: 1000,
    });
    const outcomes = await race(() => w.customer.id);
    expect(outcomes.filter((o) => o.outcome === 'auto_approved')).toHaveLength(3);
    expect(outcomes.filter((o) => o.outcome === 'drafted')).toHaveLength(PROPOSALS - 3);
    const drafted = outcomes.find((o) => o.outcome === 'drafted')!;
    expect(drafted.reason).toMatch(/already had 3 email today \(cap 3\)/);
    expect(await getDb().action.count({ where: { customerId: w.customer.id, status: 'approved' } })).toBe(3);
  });

  it(`${PROPOSALS} concurrent e-mails to different customers: the workflow's global daily ceiling holds`, async () => {
    const before = await getDb().action.count({
      where: { aiAgentId: 'usage-analyst', kind: 'email', status: 'approved', autoApproved: true },
    });
    await putWorkflowInPhase('usage-analyst', 'email', 'autopilot', {
      maxCountPerCustomerDay: 5,
      maxCountPerCustomerMonth: 100,
      dailyCeilingCount: before + 4,
    });
    const outcomes = await race((i) => extraCustomers[i]!);
    expect(outcomes.filter((o) => o.outcome === 'auto_approved')).toHaveLength(4);
    expect(outcomes.filter((o) => o.outcome === 'drafted').every((o) => /daily ceiling/.test(o.reason))).toBe(true);
  });
});
