import type { Tx } from '@/lib/db';
import { proposeAction } from '@/lib/server/actions/propose-action';
import type { DemoData } from '../factories/demo-data';
import { clock } from '@/lib/clock';

const BUILTIN = { modelProvider: 'builtin', modelId: null, promptVersion: 'seed/v1' };

// A few drafts waiting in the queue on first start, each with the agent decision record that
// produced it, so the console shows what agents do: an upgrade for the customer closest to their
// limit. Dunning steps and the SLA credits after the past incident come from the real billing-ops
// and billing-ops-sla agents (write-dunning-decisions.ts, seed-demo-data.ts).
export async function writeDemoActions(tx: Tx, data: DemoData) {
  await draftUpgrade(tx, data);
}

async function run(tx: Tx, agentId: string, customerId: string, trigger: object, inputs: object, reasoning: string) {
  return tx.agentRun.create({
    data: {
      agentId,
      agentVersion: '0.1.0',
      customerId,
      trigger,
      sourceRef: (trigger as { ref?: string }).ref ?? null,
      inputs,
      reasoning,
      status: 'succeeded',
      finishedAt: clock.now(),
      ...BUILTIN,
    },
  });
}

async function draftUpgrade(tx: Tx, data: DemoData) {
  const candidate = data.customers
    .filter((c) => c.profile.usage.shape === 'near_limit' && c.profile.plan.rank < 4)
    .sort((a, b) => b.profile.usage.utilisation.api_calls - a.profile.usage.utilisation.api_calls)[0];
  if (!candidate) return;
  const from = candidate.profile.plan;
  const to = data.plans.find((p) => p.rank === from.rank + 1)!;
  const u = candidate.profile.usage.utilisation.api_calls;
  const reasoning = `${candidate.profile.name} uses about ${Math.round(u * 100)}% of the ${from.name} plan's included API calls every month with steady, organic growth (no anomaly). ${to.name} includes ${to.limits[0]!.included.toLocaleString('en-US')} calls.`;
  const agentRun = await run(
    tx,
    'usage-analyst',
    candidate.profile.id,
    { type: 'usage.threshold', ref: `subscriptions:sub_${candidate.profile.id}` },
    { meter: 'api_calls', utilisation: u, plan: from.key, suggested: to.key },
    reasoning,
  );
  await proposeAction(tx, {
    kind: 'plan_change',
    customerId: candidate.profile.id,
    title: `Upgrade ${candidate.profile.name} to ${to.name}`,
    payload: {
      subscriptionId: `sub_${candidate.profile.id}`,
      fromPlanKey: from.key,
      toPlanKey: to.key,
      proration: 'create_prorations',
      effective: 'now',
    },
    actor: { type: 'agent', id: 'usage-analyst', version: '0.1.0' },
    agentRunId: agentRun.id,
    model: 'builtin',
    reasoning,
  });
}
