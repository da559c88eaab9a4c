import { z } from 'zod';
import { clock } from '@/lib/clock';
import { getBoss } from './boss';

// How domains tell agents that something happened without knowing any agent: a signal is a job
// on one queue, consumed by the agent platform (lib/server/agents/agent-triggers.ts), which fans
// it out to the agents whose triggers match. Ingest and the webhook inbox sit below the agents
// and only ever send signals.
export const AGENT_SIGNALS_QUEUE = 'agents.signals';

export const agentSignal = z.discriminatedUnion('on', [
  z.object({ on: z.literal('webhook'), type: z.string().min(1), inboxId: z.string().min(1), objectId: z.string() }),
  z.object({ on: z.literal('after_ingest'), customerIds: z.array(z.string().min(1)).min(1).max(1000) }),
]);
export type AgentSignal = z.infer<typeof agentSignal>;

// Ingest calls this on every committed request: one signal per customer per slot and process is
// enough (each agent debounces further), so a flood costs one send per customer per slot.
const INGEST_SLOT_MS = 5_000;
const signalledInSlot = new Map<string, number>();

/** Never throws: a queue outage must not fail the ingest or roll back the webhook event. */
export async function signalAgents(signal: AgentSignal): Promise<void> {
  let data = signal;
  if (signal.on === 'after_ingest') {
    const slot = Math.floor(clock.nowMs() / INGEST_SLOT_MS);
    const fresh = [...new Set(signal.customerIds)].filter((id) => signalledInSlot.get(id) !== slot);
    if (!fresh.length) return;
    if (signalledInSlot.size > 50_000) signalledInSlot.clear();
    for (const id of fresh) signalledInSlot.set(id, slot);
    data = { on: 'after_ingest', customerIds: fresh };
  }
  try {
    const boss = await getBoss();
    await boss.send(AGENT_SIGNALS_QUEUE, agentSignal.parse(data), { retryLimit: 5, retryDelay: 5, retryBackoff: true });
  } catch (err) {
    console.error(`[agents] could not signal ${signal.on}:`, err instanceof Error ? err.message : err);
  }
}
