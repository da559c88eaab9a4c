import { createHash } from 'node:crypto';
import { sameSecret } from '@/lib/server/webhook-source/same-secret';
import type { ReadOutcome, VerifyOutcome } from '@/lib/server/webhook-source/define-webhook-source';

// What every incident source (Alertmanager, Datadog, Statuspage, the generic shape) reduces a
// delivery to: one signal per incident it concerns. Handlers know nothing of the sender.
export interface IncidentSignal {
  /** The sender's stable key for this incident (alert fingerprint + start, monitor cycle, incident id). */
  key: string;
  state: 'open' | 'resolved';
  /** The sender's own phase when it has one (Statuspage: identified, monitoring …). */
  phase: 'investigating' | 'identified' | 'monitoring' | 'resolved';
  title: string;
  description: string;
  severity: string;
  services: string[];
  regions: string[];
  startedAt: Date;
  resolvedAt: Date | null;
  /** The sender's time for this state: an older delivery never overwrites a newer one. */
  eventAt: Date;
  message: string;
}

export interface IncidentSignals {
  source: string;
  signals: IncidentSignal[];
}

const notConfigured = (variable: string): VerifyOutcome => ({
  ok: false,
  status: 503,
  code: 'webhook_not_configured',
  message: `The incident webhook is not configured: set ${variable}`,
});

const refused = (message: string): VerifyOutcome => ({ ok: false, status: 400, code: 'invalid_signature', message });

/** `Authorization: Bearer <token>` (Alertmanager's http_config.authorization). */
export function verifyBearer(headers: Headers, token: string | undefined, variable: string): VerifyOutcome {
  if (!token) return notConfigured(variable);
  const given = /^Bearer\s+(.+)$/i.exec(headers.get('authorization') ?? '')?.[1]?.trim();
  if (!given) return refused('Missing bearer token');
  return sameSecret(given, token) ? { ok: true } : refused('Bearer token does not match');
}

/** `Authorization: Basic base64(user:password)` against `user:password` from configuration. */
export function verifyBasic(headers: Headers, expected: string | undefined, variable: string): VerifyOutcome {
  if (!expected) return notConfigured(variable);
  const encoded = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(headers.get('authorization') ?? '')?.[1];
  if (!encoded) return refused('Missing basic-auth credentials');
  return sameSecret(Buffer.from(encoded, 'base64').toString('utf8'), expected)
    ? { ok: true }
    : refused('Basic-auth credentials do not match');
}

export { notConfigured, refused };

/** JSON.parse that never throws: an authentic body that is not JSON is stored as failed. */
export function parseJsonBody(rawBody: string): { ok: true; value: unknown } | Extract<ReadOutcome, { ok: false }> {
  try {
    return { ok: true, value: JSON.parse(rawBody) };
  } catch {
    return { ok: false, reason: 'The body is not JSON', payload: { raw: rawBody.slice(0, 10_000) } };
  }
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** `region:us-east-1`-style tags → values of one tag name, de-duplicated. */
export function tagValues(tags: readonly string[], name: string): string[] {
  const prefix = `${name}:`;
  return [...new Set(tags.filter((t) => t.startsWith(prefix)).map((t) => t.slice(prefix.length).trim()))].filter(
    Boolean,
  );
}
