import type { Tx } from '@/lib/db';
import { ApiError } from '@/lib/errors';
import { parseActionPayload, type ActionKind } from '@/lib/schemas/action-kinds';
import { appendAuditEvent, type Actor } from '@/lib/server/audit/append-audit-event';
import { getPolicy } from '@/lib/server/actions/policies/get-policy';
import { RECIPIENT_SUPPRESSED } from '@/lib/server/email/assert-deliverable';
import { checkAutopilot } from './check-autopilot';
import { executionKeyFor } from './execution-key';
import { kindDefinition } from './kinds';
import { clock } from '@/lib/clock';
import { changeWorkflowPhase } from '@/lib/server/actions/autonomy/change-workflow-phase';
import { checkWorkflowAutopilot } from '@/lib/server/actions/autonomy/check-workflow-autopilot';
import { gateAgentProposal } from '@/lib/server/actions/autonomy/gate-agent-proposal';
import { recordShadowDraft } from '@/lib/server/actions/autonomy/record-shadow-draft';

export interface ProposeActionInput {
  kind: ActionKind;
  customerId: string | null;
  title: string;
  payload: unknown;
  actor: Extract<Actor, { type: 'user' } | { type: 'agent' }>;
  agentRunId?: string | null;
  requestId?: string | null;
  sourceRef?: string | null;
  model?: string | null;
  reasoning?: string | null;
}

export type ProposeOutcome =
  | { outcome: 'suppressed' | 'observed' | 'refused'; actionId: null; reason: string }
  | { outcome: 'drafted' | 'auto_approved'; actionId: string; reason: string };

// Agents and people draft actions through here; policy decides what happens next. `off`: nothing;
// `observe`: the decision is recorded, nothing drafted; `assist`: drafted for approval;
// `autopilot`: approved at once when under every cap, drafted otherwise. Runs in the caller's
// transaction so the agent's decision record and its draft commit together. The money at stake
// comes from stored state (the kind's definition), and a payload that contradicts stored state
// (a plan change from a plan the subscription is not on) is refused.
//
// An agent's proposal belongs to its workflow (agent × kind, lib/server/actions/autonomy/): a kind outside
// the agent's scope is refused and audited; otherwise the workflow's phase takes the place of the
// kind's mode (the kind's `off` still stops everything), observe records a shadow draft with what
// autopilot would have done, and autopilot adds the workflow's caps. People's drafts are unchanged.
export async function proposeAction(tx: Tx, input: ProposeActionInput): Promise<ProposeOutcome> {
  const payload = parseActionPayload(input.kind, input.payload);
  if (input.customerId && !(await tx.customer.findUnique({ where: { id: input.customerId }, select: { id: true } }))) {
    throw new ApiError(404, 'not_found', 'Customer not found');
  }
  const definition = kindDefinition(input.kind);
  try {
    await definition.checkAgainstStoredState?.(tx, payload, input.customerId);
  } catch (err) {
    // A suppressed recipient is an outcome, not an error: an agent records it and moves on.
    if (err instanceof ApiError && err.code === RECIPIENT_SUPPRESSED)
      return { outcome: 'suppressed', actionId: null, reason: err.message };
    throw err;
  }
  const policy = await getPolicy(tx, input.kind);
  const { uncertain, ...money } = await definition.amountAtStake(tx, payload, input.customerId);
  const now = clock.now();
  const agentId = input.actor.type === 'agent' ? input.actor.id : null;
  const audit = {
    actor: input.actor,
    target: { type: 'action', id: '' },
    customerId: input.customerId,
    requestId: input.requestId,
    sourceRef: input.sourceRef,
    model: input.model,
    reasoning: input.reasoning,
  };

  const gate = agentId && policy.mode !== 'off' ? await gateAgentProposal(tx, agentId, input.kind, policy, now) : null;
  if (gate?.route === 'refused') {
    await appendAuditEvent(tx, {
      ...audit,
      action: 'agent.scope_refused',
      target: { type: 'action_kind', id: input.kind },
      data: { kind: input.kind, title: input.title, payload, reason: gate.reason },
    });
    return { outcome: 'refused', actionId: null, reason: gate.reason };
  }
  const flow = gate?.route === 'workflow' ? gate : null;
  const mode = flow ? flow.phase : policy.mode;
  const workflowInput = { policy, kind: input.kind, customerId: input.customerId, money: { ...money, uncertain } };

  if (mode === 'off' || mode === 'observe') {
    const reason = flow ? `workflow ${agentId} · ${input.kind} is in observe` : `policy for ${input.kind} is ${mode}`;
    if (flow) {
      const would = await checkWorkflowAutopilot(tx, flow.workflow, { ...workflowInput, scoped: flow.scoped }, now);
      await recordShadowDraft(tx, flow.workflow, { ...input, payload, money, would, now });
    }
    if (mode === 'observe') {
      await appendAuditEvent(tx, {
        ...audit,
        action: 'action.observed',
        target: { type: 'action_kind', id: input.kind },
        data: { kind: input.kind, title: input.title, payload, ...money, amountUncertain: uncertain ?? null },
      });
    }
    return { outcome: mode === 'off' ? 'suppressed' : 'observed', actionId: null, reason };
  }

  let capped: { ok: boolean; reason: string };
  if (!flow) capped = await checkAutopilot(tx, policy, input.kind, input.customerId, { ...money, uncertain }, now);
  else if (mode !== 'autopilot') capped = { ok: false, reason: `workflow ${agentId} · ${input.kind} is in ${mode}` };
  else {
    const verdict = await checkWorkflowAutopilot(tx, flow.workflow, { ...workflowInput, scoped: flow.scoped }, now);
    if (verdict.breach) {
      await changeWorkflowPhase(tx, flow.workflow.id, {
        to: 'assist',
        cause: 'demotion_anomaly',
        actor: { type: 'system', id: 'autonomy' },
        reason: verdict.breach.reason,
        evidence: verdict.breach.evidence,
        requestId: input.requestId,
        now,
      });
    }
    capped = verdict;
  }
  // A kind may hold some drafts for a person even on autopilot (e.g. a high-value account's dunning step).
  const held = capped.ok ? await definition.heldForPerson?.(tx, payload, input.customerId, policy.settings) : null;
  const autopilot = held ? { ok: false, reason: held } : capped;
  const action = await tx.action.create({
    data: {
      kind: input.kind,
      status: autopilot.ok ? 'approved' : 'pending_approval',
      autoApproved: autopilot.ok,
      customerId: input.customerId,
      agentRunId: input.agentRunId ?? null,
      title: input.title,
      amountMinor: money.amountMinor,
      initialAmountMinor: money.amountMinor,
      aiAgentId: agentId,
      currency: money.currency,
      reviewDeadline: autopilot.ok ? null : new Date(now.getTime() + policy.reviewWindowHours * 3_600_000),
      createdAt: now,
      revisions: {
        create: {
          revision: 1,
          payload: payload as object,
          editedById: input.actor.type === 'user' ? input.actor.id : null,
          note: mode === 'autopilot' && !autopilot.ok ? `Needs approval: ${autopilot.reason}` : null,
        },
      },
    },
    select: { id: true },
  });
  if (autopilot.ok)
    await tx.action.update({
      where: { id: action.id },
      data: { executionKey: executionKeyFor(action.id, 1), nextAttemptAt: definition.notBefore?.(payload) ?? null },
    });
  const target = { type: 'action', id: action.id };
  await appendAuditEvent(tx, {
    ...audit,
    target,
    action: 'action.proposed',
    data: {
      kind: input.kind,
      title: input.title,
      revision: 1,
      payload,
      ...money,
      amountUncertain: uncertain ?? null,
      policyMode: mode,
      workflowId: flow?.workflow.id ?? null,
    },
  });
  if (autopilot.ok) {
    await appendAuditEvent(tx, {
      ...audit,
      target,
      actor: { type: 'system', id: 'policy' },
      aiAgentId: agentId,
      action: 'action.auto_approved',
      data: { revision: 1, reason: autopilot.reason },
    });
  }
  return { outcome: autopilot.ok ? 'auto_approved' : 'drafted', actionId: action.id, reason: autopilot.reason };
}
