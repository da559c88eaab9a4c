import { z } from 'zod';
import {
  creditPayload,
  crmTaskPayload,
  dunningStepPayload,
  emailPayload,
  planChangePayload,
  slackPostPayload,
} from './action-payloads';

// Every action kind, once: what people call it, how risky it is, and the schema of its
// parameters. Client-safe (no server imports), so the approval queue reads labels and risk from
// here; the server side of each kind (amount at stake, description, execution) is its definition
// in lib/server/actions/kinds/, which reuses this entry. Adding a kind: one entry here, one file
// there, one enum migration (CONTRIBUTING.md, "Add an action kind").

// `moves_money`: changes what a customer pays or owes — maker–checker always, never bulk-approved.
// `low_risk`: a message or a task; may be bulk-approved.
export type RiskClass = 'moves_money' | 'low_risk';
// How the approval queue edits a revision: `amount_memo` — typed amount and memo fields;
// `json` — the parameters as JSON, validated by the server.
// `email`: subject and body fields beside the rendered preview (components/email).
export type ActionEditor = 'amount_memo' | 'json' | 'email';

export const ACTION_KINDS = {
  plan_change: { label: 'Plan change', riskClass: 'moves_money', editor: 'json', payloadSchema: planChangePayload },
  credit: { label: 'Credit', riskClass: 'moves_money', editor: 'amount_memo', payloadSchema: creditPayload },
  dunning_step: { label: 'Dunning step', riskClass: 'moves_money', editor: 'json', payloadSchema: dunningStepPayload },
  email: { label: 'E-mail', riskClass: 'low_risk', editor: 'email', payloadSchema: emailPayload },
  crm_task: { label: 'CRM task', riskClass: 'low_risk', editor: 'json', payloadSchema: crmTaskPayload },
  slack_post: { label: 'Slack post', riskClass: 'low_risk', editor: 'json', payloadSchema: slackPostPayload },
} as const satisfies Record<
  string,
  { label: string; riskClass: RiskClass; editor: ActionEditor; payloadSchema: z.ZodType }
>;

export type ActionKind = keyof typeof ACTION_KINDS;
export type ActionPayload<K extends ActionKind> = z.infer<(typeof ACTION_KINDS)[K]['payloadSchema']>;

export const ACTION_KIND_NAMES = Object.keys(ACTION_KINDS) as [ActionKind, ...ActionKind[]];
export const actionKind = z.enum(ACTION_KIND_NAMES);

export function parseActionPayload<K extends ActionKind>(kind: K, payload: unknown): ActionPayload<K> {
  return ACTION_KINDS[kind].payloadSchema.parse(payload) as ActionPayload<K>;
}

export const movesMoney = (kind: ActionKind): boolean => ACTION_KINDS[kind].riskClass === 'moves_money';

/** The label for a kind name from the API; an unknown name is shown as it is. */
export const kindLabel = (kind: string): string =>
  kind in ACTION_KINDS ? ACTION_KINDS[kind as ActionKind].label : kind;

// Kinds a reviewer may approve in bulk: they move no money and change no subscription.
export const LOW_RISK_KINDS: readonly ActionKind[] = ACTION_KIND_NAMES.filter((k) => !movesMoney(k));
