import { createHash } from 'node:crypto';
import { z } from 'zod';

// The CRM providers Tollgate delivers tasks to. `webhook` is the generic JSON POST the outbox
// always did; the others speak their vendor's API with credentials stored sealed.
export const CRM_PROVIDERS = ['webhook', 'salesforce', 'hubspot', 'gainsight'] as const;
export type CrmProvider = (typeof CRM_PROVIDERS)[number];

// What is sealed per provider (JSON in the integration's ciphertext). The base URL is part of the
// secret as a webhook URL is: it is where credentials go, so it is never shown in full.
export const crmSecret = {
  salesforce: z.object({
    baseUrl: z.url(),
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
    apiVersion: z
      .string()
      .regex(/^\d+\.\d$/)
      .default('62.0'),
  }),
  hubspot: z.object({ baseUrl: z.url().default('https://api.hubapi.com'), token: z.string().min(1) }),
  gainsight: z.object({ baseUrl: z.url(), accessKey: z.string().min(1) }),
} as const;
export type CrmSecret<P extends Exclude<CrmProvider, 'webhook'>> = z.infer<(typeof crmSecret)[P]>;

/**
 * The mark a task carries in the CRM so a re-send can find it: no CRM API here takes an
 * idempotency key, so after an answer that never arrived the outbox looks for the mark before
 * creating again. Derived from the outbox message's idempotency key; letters and digits only, so
 * every CRM's search tokenises it as one word.
 */
export function crmTaskMarker(idempotencyKey: string): string {
  return `tg${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 16)}`;
}

/** The task body as it is written in the CRM: the draft's text and the mark, on its own line. */
export const bodyWithMarker = (body: string, marker: string) =>
  `${body}${body ? '\n\n' : ''}Tollgate reference: ${marker}`;

/** A task as every adapter receives it: the draft's fields plus the customer's stored CRM record. */
export interface CrmTaskInput {
  /** crmTaskMarker of the delivery: written with the task, searched for on a re-send. */
  marker: string;
  title: string;
  body: string;
  dueDate: string | null;
  link: { accountId: string; contactId: string | null; ownerExternalId: string | null } | null;
}

/** What the outbox needs back: the provider's status (2xx sent, 429/5xx retried, else dead). */
export interface CrmAnswer {
  status: number;
  body: string;
  /** From Retry-After (or the provider's own header) on 429. */
  retryAfterMs?: number;
  /** The created record's id, on success. */
  ref?: string;
}

export interface CrmAdapter<S> {
  createTask(secret: S, task: CrmTaskInput, opts: { idempotencyKey: string; deadlineMs: number }): Promise<CrmAnswer>;
  /**
   * A task an earlier attempt created, by its marker: its answer with `ref`, null when there is
   * none, or the provider's error answer (judged like any answer: retried or dead). Providers
   * without a search leave it out, and a re-send there may duplicate a task.
   */
  findTask?(secret: S, marker: string, deadlineMs: number): Promise<CrmAnswer | null>;
  /** "Send test": proves the credentials work with a read, writing nothing in the CRM. */
  test(secret: S, deadlineMs: number): Promise<CrmAnswer>;
}

/** Retry-After in seconds or as an HTTP date → milliseconds (capped at an hour). */
export function retryAfterMs(value: string | string[] | undefined, nowMs: number): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return undefined;
  const seconds = Number(v);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(v) - nowMs;
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 3_600_000) : undefined;
}
