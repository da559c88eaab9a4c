// What every transport (SMTP, Postmark, SendGrid, Resend, the generic webhook) is given and
// answers. Built once per delivery by lib/server/email/deliver-email.ts.

export interface OutgoingEmail {
  /** Our row id (email_messages.id): sent as provider metadata so delivery webhooks find the row. */
  emailId: string;
  /** RFC 5322 Message-ID, generated when the action was executed, identical on every attempt. */
  messageId: string;
  idempotencyKey: string;
  from: string;
  replyTo: string | null;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post. */
  headers: Record<string, string>;
  transactional: boolean;
  /** The original action payload: the generic webhook sends it as it always has. */
  payload: Record<string, unknown>;
}

export interface SendResult {
  providerMessageId: string | null;
  /** What the server answered (SMTP reply line, provider status), kept on the row. */
  response: string;
}

export type TransportName = 'smtp' | 'postmark' | 'sendgrid' | 'resend' | 'webhook';

export interface EmailTransport {
  name: TransportName;
  /**
   * True when sending the same message twice is safe because the receiver deduplicates on our key
   * (Resend's Idempotency-Key, the webhook's Idempotency-Key). An interrupted hand-off is retried
   * only on such a transport; on the others it becomes `unknown` rather than risk a duplicate.
   */
  idempotent: boolean;
  send(mail: OutgoingEmail, deadlineMs: number): Promise<SendResult>;
}

/**
 * `permanent`: retrying cannot help (a rejected recipient, a bad key) — the message goes dead.
 * `code`: what went wrong, machine-readable (auth_failed, connection_refused, tls_failed, timeout,
 * recipient_rejected, rejected, rate_limited, suppressed, transport_error), for Settings' test
 * e-mail and the API.
 */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly code: string = 'transport_error',
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

/** Provider HTTP statuses: 4xx other than 408/429 are the request's fault and will not improve. */
export const permanentStatus = (status: number | undefined) =>
  status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429;

/** A provider's HTTP status as a TransportError code. */
export function codeForStatus(status: number | undefined): string {
  if (status === 401 || status === 403) return 'auth_failed';
  if (status === 429) return 'rate_limited';
  if (status === undefined) return 'connection_failed';
  if (status >= 400 && status < 500) return 'rejected';
  return 'provider_error';
}

/** A network error (no HTTP answer) as a code: refused, unknown host, timeout, TLS. */
export function codeForNetworkError(err: unknown): string | null {
  const text = `${(err as { code?: string }).code ?? ''} ${(err as Error).message ?? ''} ${String((err as { cause?: unknown }).cause ?? '')}`;
  if (/ECONNREFUSED/.test(text)) return 'connection_refused';
  if (/ENOTFOUND|EAI_AGAIN|EDNS/.test(text)) return 'host_not_found';
  if (/ETIMEDOUT|timed? ?out/i.test(text)) return 'timeout';
  if (/ETLS|TLS|SSL|certificate|EPROTO/i.test(text)) return 'tls_failed';
  return null;
}
