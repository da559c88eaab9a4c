import type { ActionKind } from '@/lib/schemas/action-kinds';
import { credit } from './credit';
import { crmTask } from './crm-task';
import type { ActionKindDefinition } from './define-action-kind';
import { dunningStep } from './dunning-step';
import { email } from './email';
import { planChange } from './plan-change';
import { slackPost } from './slack-post';

// The one table of action kinds on the server. Code that needs to know what a kind does — its
// money at stake, its description, how it executes — looks it up here instead of branching on
// the kind's name.
const DEFINITIONS: { [K in ActionKind]: ActionKindDefinition<K, unknown> } = {
  plan_change: planChange,
  credit,
  dunning_step: dunningStep,
  email,
  crm_task: crmTask,
  slack_post: slackPost,
};

/** The definition of a kind, with its payload and target types erased for generic callers. */
export function kindDefinition(kind: ActionKind): ActionKindDefinition<ActionKind, unknown> {
  return DEFINITIONS[kind] as unknown as ActionKindDefinition<ActionKind, unknown>;
}

/** Kinds whose execution can touch the billing platform (and so may need reconciling). */
export const BILLING_KINDS = (Object.keys(DEFINITIONS) as ActionKind[]).filter((k) => DEFINITIONS[k].execute.billing);

export type { ActionDescription, ActionMoney, OutboxMessage } from './define-action-kind';
