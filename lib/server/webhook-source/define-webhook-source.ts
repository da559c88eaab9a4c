import type { Tx } from '@/lib/db';

// A webhook source — Stripe today; Chargebee, Alertmanager, a CRM's callbacks tomorrow — is one
// definition. The inbox (receive → record → enqueue → process → retry → replay) is generic; a
// source only says how to authenticate a delivery, how to read its envelope, how to parse it into
// what its handlers need, and which handler each event type gets.

/** What the inbox stores about an event, read from its authentic raw body. */
export interface InboxEnvelope {
  /** The sender's own event id: unique per source, so a redelivery is recognised. */
  eventId: string;
  type: string;
  apiVersion: string | null;
  livemode: boolean;
  /** When the sender created the event (its clock), if it says. */
  createdAt: Date | null;
  /** The event as JSON: what the console shows and what parse() starts from. */
  payload: unknown;
}

export type VerifyOutcome =
  | { ok: true }
  /**
   * 400: the delivery is not authentic (nothing is stored); 401: its credentials are missing or
   * wrong (a source protected by HTTP auth); 503: we are not configured (sender retries).
   */
  | { ok: false; status: 400 | 401 | 503; code: string; message: string };

export type ReadOutcome =
  | { ok: true; envelope: InboxEnvelope }
  /** Authentic but not an event we can read: stored as failed with its raw body, never refused. */
  | { ok: false; reason: string; payload: unknown };

export type ParseOutcome<E> = { ok: true; event: E } | { ok: false; reason: string };

export interface WebhookHandlerContext {
  tx: Tx;
  inboxId: string;
}

export interface WebhookHandlerResult {
  /** Kept on the inbox row (last_error column) of a processed event, e.g. "skipped: older". */
  note?: string | null;
}

/**
 * Runs inside the transaction that marks the inbox row processed: both commit or neither.
 * Declared as a method so a source with its own event shape still fits the registry's list
 * (method parameters are bivariant), while each source's table stays precisely typed.
 */
export type WebhookEventHandler<E> = {
  handle(ctx: WebhookHandlerContext & E): Promise<WebhookHandlerResult>;
}['handle'];

export interface WebhookSource<E extends object = object> {
  /** The URL segment (/api/webhooks/<id>) and the inbox's source column. */
  id: string;
  /** Human name for the console. */
  label: string;
  /** Null when deliveries can be verified; else what the console shows (e.g. no signing secret). */
  configurationProblem(): string | null | Promise<string | null>;
  /** Authenticates a delivery from its exact raw bytes and headers. Pure apart from configuration. */
  verify(rawBody: string, headers: Headers): VerifyOutcome | Promise<VerifyOutcome>;
  /** The envelope the inbox stores; run on receipt and again on every attempt (from raw_body). */
  read(rawBody: string): ReadOutcome;
  /**
   * The envelope → what the handlers need (e.g. re-fetched from the sender's API and normalised).
   * Throws for a transient failure (the attempt is retried); returns ok: false for a body this
   * code cannot understand (parked as failed until a replay, e.g. after an upgrade).
   */
  parse(envelope: InboxEnvelope): Promise<ParseOutcome<E>>;
  /** Event type → handler. A type not listed is stored as 'ignored' and never processed. */
  eventTypes: Readonly<Record<string, WebhookEventHandler<E>>>;
  /** The id of the object an event is about (an invoice, a dispute): what agents it triggers look at. */
  subjectOf(event: E): string;
}

export function defineWebhookSource<E extends object>(source: WebhookSource<E>): WebhookSource<E> {
  if (!/^[a-z][a-z0-9-]{1,39}$/.test(source.id)) throw new Error(`Webhook source id "${source.id}" is not a slug`);
  return source;
}
