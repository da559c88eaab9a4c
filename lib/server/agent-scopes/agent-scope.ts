import type { ActionKind } from '@/lib/schemas/action-kinds';

/** What an agent's service account may do: the action kinds it may draft and the Stripe endpoints its actions may call. */
export interface AgentScope {
  actionKinds: readonly ActionKind[];
  endpoints: readonly string[];
}

// Every agent's scope, in one table a security review reads on one page. It lives below the
// agents, actions and billing (all three read it), so the action gate and the Stripe client
// enforce it without loading the agent registry; tests/agents/agent-scopes.test.ts keeps it
// and the registry in step (every registered agent has a row, every row is a registered agent).
export const AGENT_SCOPES: Readonly<Record<string, AgentScope>> = {
  'usage-analyst': {
    actionKinds: ['plan_change', 'email', 'crm_task', 'slack_post'],
    endpoints: [
      'GET /v1/subscriptions/*',
      'POST /v1/subscriptions/*',
      // Period-end plan changes go through a subscription schedule.
      'POST /v1/subscription_schedules',
      'GET /v1/subscription_schedules/*',
      'POST /v1/subscription_schedules/*',
      'POST /v1/subscription_schedules/*/release',
    ],
  },
  'billing-ops': {
    actionKinds: ['dunning_step', 'email', 'crm_task', 'credit'],
    endpoints: [
      'GET /v1/invoices/*',
      'POST /v1/invoices/*',
      'POST /v1/invoices/*/pay',
      'GET /v1/subscriptions/*',
      'POST /v1/subscriptions/*',
      'POST /v1/credit_notes',
      'GET /v1/credit_notes',
      'POST /v1/customers/*/balance_transactions',
      'GET /v1/customers/*/balance_transactions',
    ],
  },
  'billing-ops-sla': {
    actionKinds: ['credit', 'email', 'slack_post'],
    endpoints: [
      'POST /v1/credit_notes',
      'GET /v1/credit_notes',
      'POST /v1/customers/*/balance_transactions',
      'GET /v1/customers/*/balance_transactions',
      'GET /v1/invoices/*',
    ],
  },
  'developer-success': { actionKinds: ['crm_task'], endpoints: [] },
  'dispute-desk': { actionKinds: ['crm_task'], endpoints: [] },
  'invoice-explainer': { actionKinds: [], endpoints: [] },
  'usage-reconciler': { actionKinds: ['slack_post'], endpoints: [] },
};

export type ResolvedScope =
  | { status: 'scoped'; scope: AgentScope }
  /** An id with no row (a seed, a script, an agent from another build): it may draft for approval, never run on autopilot. */
  | { status: 'unknown' };

export function resolveAgentScope(agentId: string): ResolvedScope {
  const scope = AGENT_SCOPES[agentId];
  return scope ? { status: 'scoped', scope } : { status: 'unknown' };
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
