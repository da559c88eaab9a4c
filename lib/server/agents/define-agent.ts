import { z } from 'zod';
import type { Tx } from '@/lib/db';
import type { ActionKind } from '@/lib/schemas/action-payloads';

// An agent is a typed definition (conventions 7, documenso's jobs/definitions): who it is, what
// starts it, and run(ctx). The platform (run-agent.ts, agent-triggers.ts) turns the triggers
// into pg-boss jobs, crons, start-up runs and webhook hooks, gives run() its clock and records
// every decision through one helper (record-decision.ts) — so an agent file holds only its rules.

/** What starts an agent. Every trigger becomes a job of the agent's queue (`agents.<id>`). */
export type AgentTrigger =
  /** A webhook event was applied; the run waits until that inbox row has committed. */
  | { on: 'webhook'; events: readonly string[] }
  /** A schedule (UTC cron); pg-boss fires one instance per slot across all workers. */
  | { on: 'cron'; cron: string }
  /** New usage was ingested for a customer: one run per customer per `debounceSeconds`. */
  | { on: 'after_ingest'; debounceSeconds: number }
  /** The worker started: one full run (throttled, so several starting workers queue one). */
  | { on: 'worker_start' }
  /** A person or a script asked (enqueueAgentRun). */
  | { on: 'on_demand' };

// The job payload of every agent. `trigger` is what the decision record names as its cause
// (schedule, ingest, startup, manual, or the webhook event type).
export const agentInput = z.object({
  trigger: z.string().min(1).max(100).default('schedule'),
  /** What the trigger refers to, e.g. `webhook_events:<inbox id>`: the run waits for it to commit. */
  sourceRef: z.string().max(300).nullable().optional(),
  /** Customers to look at; absent: the agent's own list (every active subscription, …). */
  customerIds: z.array(z.string().min(1).max(100)).min(1).max(1000).optional(),
  /** The object the trigger concerns: an invoice or dispute id (Tollgate's or the platform's). */
  objectId: z.string().min(1).max(200).optional(),
  /** Replay / test: decide as of this instant instead of now. */
  asOf: z.iso.datetime({ offset: true }).optional(),
});
export type AgentInput = z.infer<typeof agentInput>;

/** One line of a decision record's drafts: what the agent asked for and what policy made of it. */
export interface DraftRecord {
  kind: ActionKind;
  outcome: 'drafted' | 'auto_approved' | 'observed' | 'suppressed' | 'skipped' | 'refused';
  actionId: string | null;
  reason: string;
  meterKey?: string;
  sourceRef?: string;
}

export interface Draft {
  kind: ActionKind;
  title: string;
  payload: unknown;
  reasoning: string;
  sourceRef: string;
  /** Defaults to the decision's customer. */
  customerId?: string | null;
  meterKey?: string;
}

/** Which writer produced the decision's text (`builtin` when code composed it from facts). */
export interface ModelUsed {
  provider: string;
  id?: string | null;
  promptVersion?: string | null;
}

export interface DecisionHeader {
  customerId: string | null;
  sourceRef: string | null;
  /** What the agent looked at (a compact summary: it is shown to reviewers). */
  inputs: Record<string, unknown>;
  model?: ModelUsed;
  /** A caller-chosen id, when another row written in the decision must reference it first. */
  id?: string;
}

export interface ToolCall {
  name: string;
  args: unknown;
  result: unknown;
}

export interface AgentContext {
  agent: { id: string; version: string };
  input: AgentInput;
  trigger: { type: string; ref: string | null };
  /** Business time of the run: the trigger's asOf, else the application clock (lib/clock.ts). */
  now: Date;
  /** When the run started (the decision record's duration is measured from here). */
  startedAt: Date;
  /** The customer this run is for, when the agent works per customer (`customers`). */
  customerId: string | null;
  /** Opens a decision record in `tx`, lets `fn` fill it, then closes it — all in the caller's transaction. */
  decide<T>(tx: Tx, header: DecisionHeader, fn: (run: Decision) => Promise<T>): Promise<T>;
  /** Whether this agent already recorded a successful decision for this source and trigger. */
  alreadyDecided(sourceRef: string): Promise<boolean>;
}

export interface Decision {
  readonly runId: string;
  readonly tx: Tx;
  readonly now: Date;
  /** What the decision rests on (facts, figures, rows read). */
  evidence(...items: unknown[]): void;
  /** Reasoning, a sentence per line. */
  reason(...lines: string[]): void;
  toolCall(call: ToolCall): void;
  /** Agent-specific results kept on the record (merged into outputs). */
  output(values: Record<string, unknown>): void;
  /** A one-line outcome; default: counted from the drafts. */
  outcome(text: string): void;
  /** Drafts an action through proposeAction, so the kind's policy applies as for a person. */
  propose(draft: Draft): Promise<DraftRecord>;
  /** Records a draft the agent decided not to send (e.g. the same one is already waiting). */
  skip(draft: Omit<DraftRecord, 'outcome'>): DraftRecord;
}

/**
 * Least privilege: the action kinds the agent may propose and the billing-platform endpoints its
 * approved actions may call (`METHOD /path`, `*` for one path segment, e.g. `POST /v1/credit_notes`).
 * Anything else is refused and audited. An agent without a scope may only draft for approval.
 */
export interface AgentDefinition {
  id: string;
  /** Moves whenever the agent's rules change, so every decision record says which rules produced it. */
  version: string;
  title: string;
  description: string;
  triggers: readonly AgentTrigger[];
  /** Per-customer agents: the customers a run without `customerIds` looks at, one decision each. */
  customers?: (now: Date) => Promise<string[]>;
  /** Queue settings; retries are safe because every decision is idempotent. */
  job?: { retryLimit?: number; retryDelaySeconds?: number; concurrency?: number };
  run: (ctx: AgentContext) => Promise<void>;
}

export function defineAgent(def: AgentDefinition): AgentDefinition {
  if (!/^[a-z][a-z0-9-]{1,60}$/.test(def.id)) throw new Error(`agent id ${def.id}: lower-case kebab-case`);
  return def;
}

/** Thrown while what triggered a run is not committed yet: the job retries with backoff, nothing is recorded. */
export class TriggerNotReadyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TriggerNotReadyError';
  }
}
