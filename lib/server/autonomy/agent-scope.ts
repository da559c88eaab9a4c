import type { ActionKind } from '@/lib/schemas/action-kinds';
import type { AgentScope } from '@/lib/server/agents/define-agent';
import { AGENTS } from '@/lib/server/agents/registry';

export type ResolvedScope =
  | { status: 'scoped'; scope: AgentScope }
  /** A registered agent that declares no scope: it may draft for approval, never run on autopilot. */
  | { status: 'unscoped' }
  /** An id no registered agent has (a seed, a script, an agent from another build). */
  | { status: 'unknown' };

// The registry is only read when called (agents import the action code that imports this module,
// so the list is complete by then); it is imported statically so no transaction waits on a load.
export async function resolveAgentScope(agentId: string): Promise<ResolvedScope> {
  const agent = AGENTS.find((a) => a.id === agentId);
  if (!agent) return { status: 'unknown' };
  return agent.scope ? { status: 'scoped', scope: agent.scope } : { status: 'unscoped' };
}

/** Why this agent may not propose this kind, or null when it may. */
export function kindOutOfScope(agentId: string, resolved: ResolvedScope, kind: ActionKind): string | null {
  if (resolved.status !== 'scoped') return null;
  if (resolved.scope.actionKinds.includes(kind)) return null;
  const allowed = resolved.scope.actionKinds.join(', ') || 'none';
  return `${kind} is outside the scope of agent ${agentId} (allowed action kinds: ${allowed})`;
}

/** `POST /v1/customers/*\/balance_transactions` matches `POST /v1/customers/cus_1/balance_transactions`. */
export function endpointAllowed(patterns: readonly string[], method: string, path: string): boolean {
  const segments = path.split('?')[0]!.split('/');
  return patterns.some((pattern) => {
    const [m, p] = pattern.split(' ', 2);
    if (!p || m!.toUpperCase() !== method.toUpperCase()) return false;
    const want = p.split('/');
    return want.length === segments.length && want.every((w, i) => w === '*' || w === segments[i]);
  });
}
