import type { Tx } from '@/lib/db';
import type { ActionKind } from '@/lib/schemas/action-kinds';
import type { EffectivePolicy } from '@/lib/server/actions/policies/get-policy';
import { kindOutOfScope, resolveAgentScope } from '@/lib/server/agent-scopes/agent-scope';
import type { WorkflowPhase } from './change-workflow-phase';
import { ensureWorkflow, type WorkflowRow } from './ensure-workflow';

export type AgentProposalGate =
  | { route: 'refused'; reason: string }
  | { route: 'workflow'; workflow: WorkflowRow; phase: WorkflowPhase; scoped: boolean };

// Where an agent's proposal goes: refused when the kind is outside the agent's scope, else its
// workflow's phase decides (observe / assist / autopilot). The kind policy seeds a new workflow's
// phase and can always hold every workflow of the kind back: `off` stops them before this is
// asked, `observe` keeps them observing. How far beyond assist a workflow goes is its own phase.
export async function gateAgentProposal(
  tx: Tx,
  agentId: string,
  kind: ActionKind,
  policy: EffectivePolicy,
  now: Date,
): Promise<AgentProposalGate> {
  const scope = resolveAgentScope(agentId);
  const refusal = kindOutOfScope(agentId, scope, kind);
  if (refusal) return { route: 'refused', reason: refusal };
  const mode = policy.mode === 'off' ? 'observe' : policy.mode;
  const workflow = await ensureWorkflow(tx, agentId, kind, mode, now);
  const phase = policy.mode === 'observe' ? 'observe' : workflow.phase;
  return { route: 'workflow', workflow, phase, scoped: scope.status === 'scoped' };
}
