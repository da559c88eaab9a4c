import type { ExecutionResult, ExecutionTarget } from '@/lib/server/billing/billing-provider';
import type { SyncedPlatform } from '@/lib/server/billing/stripe/stripe-handler-context';
import type { Actor } from '@/lib/server/audit/append-audit-event';
import type { WebhookSource } from '@/lib/server/webhook-source/define-webhook-source';

// The port a billing platform fills in (Stripe is the reference; Chargebee the second). A
// platform lives in one folder, lib/server/billing/<platform>/, and is listed once in
// ./registry.ts. What it must supply is below; what it may leave out is optional, so the
// console and the executor can say "not on <platform> yet" instead of guessing.
//
// What stays platform-free: the inbox (verify → record once per (source, event id) → enqueue →
// process), the normalised records and their sync/ writers (customers, subscriptions, invoices
// carry the platform in customers.billing_provider), the approval queue, policies and audit.

export type BillingPlatformId = SyncedPlatform;

/** The action kinds whose execution is a call on the billing platform. */
export type PlatformActionKind = 'credit' | 'plan_change' | 'dunning_step';

/**
 * One action kind on one platform, with the platform's own idempotency: `apply` sends the effect
 * under `t.idempotencyKey` (Stripe's Idempotency-Key; Chargebee's chargebee-idempotency-key
 * header); `find` reads the platform for the effect tagged with it (the read-back that settles
 * an ambiguous outcome), null when there is no trace. Payload and target are the kind's, erased
 * here as kindDefinition() erases them for generic callers.
 */
export interface PlatformActionEffect<Client> {
  apply(client: Client, t: ExecutionTarget, payload: unknown, target: unknown): Promise<ExecutionResult>;
  find(client: Client, t: ExecutionTarget, payload: unknown, target: unknown): Promise<ExecutionResult | null>;
}

export interface PlatformConnectionTest {
  ok: boolean;
  /** What the console shows: which account, or why not. */
  message: string;
}

export interface BillingPlatform<Client = unknown> {
  id: BillingPlatformId;
  label: string;
  /** /api/webhooks/<id>: authenticates a delivery and parses it into the normalised records. */
  webhookSource: WebhookSource;
  /** The SDK client for the configured credentials; null when this platform is not connected. */
  connect(): Promise<Client | null>;
  /** "Test connection": the credentials against the platform's API. */
  testConnection(): Promise<PlatformConnectionTest>;
  /** Catalog and history import; re-running it never duplicates. Returns the run's id. */
  importHistory(actor: Actor, months: number, requestId?: string): Promise<string>;
  /** Sends the usage that is due to the platform's usage API; null when it has none wired yet. */
  forwardUsage: ((client: Client) => Promise<unknown>) | null;
  /** The action kinds this platform executes; a kind not listed is not available on it. */
  actions: Partial<Record<PlatformActionKind, PlatformActionEffect<Client>>>;
  /** How the platform deduplicates a re-sent effect, and for how long (null: no stated limit). */
  idempotency: { mechanism: string; windowHours: number | null };
}

/** Declares a platform; the id must be a customers.billing_provider value. */
export function defineBillingPlatform<Client>(platform: BillingPlatform<Client>): BillingPlatform<Client> {
  return platform;
}
