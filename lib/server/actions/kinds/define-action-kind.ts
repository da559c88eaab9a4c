import type Stripe from 'stripe';
import type { Db, Tx } from '@/lib/db';
import {
  ACTION_KINDS,
  type ActionEditor,
  type ActionKind,
  type ActionPayload,
  type RiskClass,
} from '@/lib/schemas/action-kinds';
import type { ExecutionResult, ExecutionTarget } from '@/lib/server/billing/billing-provider';
import type { OutboxInput } from '@/lib/server/outbox/enqueue-outbox-message';

// The shape of one action kind's server-side definition. Each kind is one file in this folder,
// listed once in ./index.ts; nothing outside that table branches on a kind's name.

/**
 * The money at stake, read from stored state (never from "before" values a caller supplies).
 * `amountMinor: null` without `uncertain` means the kind moves no money; `uncertain` says why an
 * amount that should exist could not be computed — such an action is never auto-approved and
 * always needs two approvers.
 */
export interface ActionMoney {
  amountMinor: number | null;
  currency: string | null;
  uncertain?: string;
}

export interface ActionDescription {
  headline: string;
  before: string | null;
  after: string | null;
}

export type OutboxMessage = Omit<OutboxInput, 'actionId' | 'idempotencyKey'>;

/** An effect on the billing platform: the same call for Stripe and for the built-in ledger. */
export interface BillingExecution<P, T> {
  /** Reads what the payload refers to (platform ids of invoice, subscription, plan) from the database. */
  loadTarget(db: Db, payload: P, customerId: string | null): Promise<T>;
  stripe: {
    apply(stripe: Stripe, t: ExecutionTarget, payload: P, target: T): Promise<ExecutionResult>;
    /** Reads Stripe for the effect tagged with t.idempotencyKey; null when there is no trace of it. */
    find(stripe: Stripe, t: ExecutionTarget, payload: P, target: T): Promise<ExecutionResult | null>;
  };
  ledger(t: ExecutionTarget, payload: P, target: T): Promise<ExecutionResult>;
}

export interface ActionExecution<P, T> {
  /** A message for the outbox, or null when this payload is a billing effect instead. */
  outbound?(payload: P, ctx: { customerEmail: string | null }): OutboxMessage | null;
  billing?: BillingExecution<P, T>;
}

export interface ActionKindDefinition<K extends ActionKind = ActionKind, T = unknown> {
  kind: K;
  label: string;
  riskClass: RiskClass;
  editor: ActionEditor;
  payloadSchema: (typeof ACTION_KINDS)[K]['payloadSchema'];
  amountAtStake(tx: Tx, payload: ActionPayload<K>, customerId: string | null): Promise<ActionMoney>;
  /** Refuses (ApiError) a draft, an edit or an approval whose payload contradicts stored state. */
  checkAgainstStoredState?(tx: Tx, payload: ActionPayload<K>, customerId: string | null): Promise<void>;
  describe(
    tx: Tx,
    payload: ActionPayload<K>,
    ctx: { customerId: string | null; now: Date },
  ): Promise<ActionDescription>;
  execute: ActionExecution<ActionPayload<K>, T>;
  /** The earliest instant the approved action may execute (a scheduled retry); null: at once. */
  notBefore?(payload: ActionPayload<K>): Date | null;
  /**
   * A reason this action must wait for a person even when the policy is autopilot and every cap
   * allows it (e.g. a high-value account), or null. Read from stored state, like amountAtStake.
   */
  heldForPerson?(
    tx: Tx,
    payload: ActionPayload<K>,
    customerId: string | null,
    settings: Record<string, unknown>,
  ): Promise<string | null>;
}

type KindParts<K extends ActionKind, T> = Omit<
  ActionKindDefinition<K, T>,
  'label' | 'riskClass' | 'editor' | 'payloadSchema'
>;

/** A kind's definition: its client-safe entry (label, risk class, schema) plus its server parts. */
export function defineActionKind<K extends ActionKind, T = never>(parts: KindParts<K, T>): ActionKindDefinition<K, T> {
  return { ...ACTION_KINDS[parts.kind], ...parts };
}

export const noMoney: ActionMoney = { amountMinor: null, currency: null };
