import type { z } from 'zod';
import { clock } from '@/lib/clock';
import { getBoss } from '@/lib/server/jobs/boss';
import { defineJob, type JobDefinition } from '@/lib/server/jobs/job-definition';
import { AGENT_SIGNALS_QUEUE, agentSignal } from '@/lib/server/jobs/agent-signals';
import { agentInput, type AgentDefinition, type AgentInput, type AgentTrigger } from './define-agent';
import { AGENTS } from './registry';
import { runAgent } from './run-agent';

// Wires every agent's triggers from the registry: one pg-boss queue per agent (`agents.<id>`,
// with its cron), the start-up run, the debounced after-ingest runs and the webhook hook. The
// worker, ingest and the webhook path call these and know no agent by name.

type In = z.input<typeof agentInput>;

const jobs = new Map<string, JobDefinition<typeof agentInput>>();
const triggersOf = <K extends AgentTrigger['on']>(agent: AgentDefinition, on: K) =>
  agent.triggers.filter((t): t is Extract<AgentTrigger, { on: K }> => t.on === on);

/** The job that runs `agent` (its queue, retries and cron). */
export function agentJob(agent: AgentDefinition): JobDefinition<typeof agentInput> {
  let job = jobs.get(agent.id);
  if (!job) {
    job = defineJob({
      name: `agents.${agent.id}`,
      payloadSchema: agentInput,
      cron: triggersOf(agent, 'cron')[0]?.cron,
      retryLimit: agent.job?.retryLimit ?? 3,
      retryDelaySeconds: agent.job?.retryDelaySeconds ?? 30,
      concurrency: agent.job?.concurrency,
      handler: (payload, meta) => runAgent(agent, payload, meta),
    });
    jobs.set(agent.id, job);
  }
  return job;
}

// Signals from domains below the agents (ingest, the webhook inbox) → the agents that listen.
export const agentSignalsJob = defineJob({
  name: AGENT_SIGNALS_QUEUE,
  payloadSchema: agentSignal,
  retryLimit: 5,
  handler: (signal) =>
    signal.on === 'webhook' ? triggerAgentsOnWebhook(signal) : triggerAgentsAfterIngest(signal.customerIds),
});

/** Every agent's queue, and the signals queue that feeds them. */
export const agentJobs = (): JobDefinition[] => [agentSignalsJob, ...AGENTS.map(agentJob)];

const sendOptions = (agent: AgentDefinition, startAfter?: number) => {
  const job = agentJob(agent);
  return { startAfter, retryLimit: job.retryLimit, retryDelay: job.retryDelaySeconds, retryBackoff: true };
};

/** Queues one run of `agent` (on demand, or a trigger of its own); returns the job id. */
export async function enqueueAgentRun(
  agent: AgentDefinition,
  input: In,
  options: { singletonKey?: string; startAfterSeconds?: number } = {},
): Promise<string | null> {
  const boss = await getBoss();
  return boss.send(agentJob(agent).name, agentInput.parse(input), {
    ...sendOptions(agent, options.startAfterSeconds),
    singletonKey: options.singletonKey,
  });
}

// A webhook event was applied (signalled inside its transaction by applyWebhookEvent): queue the
// agents that listen to its type. The run waits for the inbox row to commit (sourceRef) and runs
// once per trigger. Never throws — a queue outage must not roll back the event; the agents can
// still be run on demand.
export async function triggerAgentsOnWebhook(event: { type: string; inboxId: string; objectId: string }) {
  for (const agent of AGENTS.filter((a) => triggersOf(a, 'webhook').some((t) => t.events.includes(event.type)))) {
    try {
      await enqueueAgentRun(
        agent,
        { trigger: event.type, objectId: event.objectId, sourceRef: `webhook_events:${event.inboxId}` },
        { singletonKey: `${event.objectId}:${event.type}`, startAfterSeconds: 2 },
      );
    } catch (err) {
      console.error(`[${agent.id}] could not enqueue for ${event.type} ${event.objectId}:`, (err as Error).message);
    }
  }
}

// After an ingest transaction commits, with the customers it touched: debounced per customer
// through pg-boss (singletonKey + slots of `debounceSeconds`): a burst of batches becomes one run
// shortly after, plus at most one more for usage that arrived after that run was queued. Best
// effort: a failure is logged, never surfaced to the ingest caller — the agent's cron catches up.
// The ingest hot path calls this on every committed request: remember which customers this
// process already queued in the current slot, so a flood costs one send per customer per slot.
const queuedInSlot = new Map<string, number>();

export async function triggerAgentsAfterIngest(customerIds: string[]): Promise<void> {
  for (const agent of AGENTS) {
    for (const { debounceSeconds } of triggersOf(agent, 'after_ingest')) {
      const slot = Math.floor(clock.nowMs() / (debounceSeconds * 1000));
      const fresh = [...new Set(customerIds)].filter((id) => queuedInSlot.get(`${agent.id}:${id}`) !== slot);
      if (!fresh.length) continue;
      for (const id of fresh) queuedInSlot.set(`${agent.id}:${id}`, slot);
      if (queuedInSlot.size > 50_000) queuedInSlot.clear();
      try {
        const boss = await getBoss();
        for (const id of fresh) {
          const data: AgentInput = agentInput.parse({ customerIds: [id], trigger: 'ingest' });
          const name = agentJob(agent).name;
          await boss.sendDebounced(
            name,
            data,
            sendOptions(agent, debounceSeconds),
            debounceSeconds,
            `${agent.id}:${id}`,
          );
        }
      } catch (err) {
        console.error(`[${agent.id}] could not enqueue after ingest:`, err instanceof Error ? err.message : err);
      }
    }
  }
}

/** Start-up runs a burst of starting workers collapses into: one per agent per slot. */
const WORKER_START_SLOT_SECONDS = 300;

// One full run of each agent with a worker_start trigger, so a fresh demo shows the agents'
// results at once. Throttled: several workers starting together queue one run per five minutes.
export async function triggerAgentsOnWorkerStart(): Promise<void> {
  const boss = await getBoss();
  for (const agent of AGENTS.filter((a) => triggersOf(a, 'worker_start').length)) {
    const data = agentInput.parse({ trigger: 'startup' });
    await boss.sendThrottled(
      agentJob(agent).name,
      data,
      sendOptions(agent),
      WORKER_START_SLOT_SECONDS,
      `${agent.id}:startup`,
    );
  }
}
