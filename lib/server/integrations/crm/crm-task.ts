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

/** A task as every adapter receives it: the draft's fields plus the customer's stored CRM record. */
export interface CrmTaskInput {
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
