import Stripe from 'stripe';
import {
  stripeEventEnvelopeSchema,
  type StripeEventEnvelope,
} from '@/lib/server/billing/stripe/normalize/stripe-records';

// Verifies a Stripe-Signature header with the Stripe SDK. Pure: no env, no I/O; the route
// passes the raw body (`await req.text()`, never re-serialised) and the configured secrets.
// Authentication only: reading the authentic body is readStripeEvent's job, because an authentic
// body we cannot read is stored, not refused (convention 6).
//
// Several secrets support rotation: the event is accepted if any secret verifies it.
// Outcome order: no header → missing_signature; no secret matches any v1 signature (or the
// header cannot be parsed) → invalid_signature; a matching signature older than the tolerance →
// stale_signature, dated further ahead than the tolerance → future_signature (the SDK accepts any
// future timestamp: a leaked signed request could otherwise be held back and replayed later). A
// forged header is reported as invalid even when its timestamp is also off, so staleness is only
// ever reported for a genuine signature.

export type StripeSignatureFailureCode =
  'missing_signature' | 'invalid_signature' | 'stale_signature' | 'future_signature';

export type VerifyStripeSignatureResult =
  { ok: true } | { ok: false; code: StripeSignatureFailureCode; message: string };

export type VerifyStripeSignatureOptions = {
  /** Maximum age (and lead) of the signed timestamp in seconds; default 300 (Stripe's default). */
  toleranceSec?: number;
  /** Current time in Unix seconds; default the wall clock (the sender's timestamp is a real-time fact). */
  nowSec?: number;
};

export const DEFAULT_SIGNATURE_TOLERANCE_SEC = 300;

// Tolerance 0 makes the SDK skip its timestamp check: used to learn whether a secret matches.
const SKIP_TIMESTAMP_CHECK = 0;

function signatureMatches(rawBody: string, header: string, secret: string, tolerance: number, nowSec: number) {
  try {
    return Stripe.webhooks.signature!.verifyHeader(rawBody, header, secret, tolerance, undefined, nowSec * 1000);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) return false;
    throw error;
  }
}

/** The header's t= value (Unix seconds); null when absent. */
function signedTimestamp(header: string): number | null {
  const part = header.split(',').find((item) => item.trim().startsWith('t='));
  const value = part ? Number(part.trim().slice(2)) : NaN;
  return Number.isSafeInteger(value) ? value : null;
}

export function verifyStripeSignature(
  rawBody: string,
  header: string | null,
  secrets: string[],
  opts: VerifyStripeSignatureOptions = {},
): VerifyStripeSignatureResult {
  const usableSecrets = secrets.filter((secret) => secret.trim().length > 0);
  if (usableSecrets.length === 0) {
    // Misconfiguration, not a bad request: fail loudly so the delivery is retried later.
    throw new Error('verifyStripeSignature: no webhook signing secret configured');
  }
  if (header === null || header.trim() === '') {
    return { ok: false, code: 'missing_signature', message: 'No Stripe-Signature header' };
  }
  const toleranceSec = opts.toleranceSec ?? DEFAULT_SIGNATURE_TOLERANCE_SEC;
  const nowSec = opts.nowSec ?? Math.floor(Date.now() / 1000);

  const matchingSecret = usableSecrets.find((secret) =>
    signatureMatches(rawBody, header, secret, SKIP_TIMESTAMP_CHECK, nowSec),
  );
  if (matchingSecret === undefined) {
    return {
      ok: false,
      code: 'invalid_signature',
      message: 'No v1 signature in the header matches the payload for any configured secret',
    };
  }
  if (toleranceSec > 0 && !signatureMatches(rawBody, header, matchingSecret, toleranceSec, nowSec)) {
    return {
      ok: false,
      code: 'stale_signature',
      message: `Signature timestamp is older than the ${toleranceSec}s tolerance`,
    };
  }
  const signedAt = signedTimestamp(header);
  if (toleranceSec > 0 && signedAt !== null && signedAt - nowSec > toleranceSec) {
    return {
      ok: false,
      code: 'future_signature',
      message: `Signature timestamp is more than the ${toleranceSec}s tolerance in the future`,
    };
  }
  return { ok: true };
}

export type ReadStripeEventResult =
  { ok: true; event: StripeEventEnvelope } | { ok: false; message: string; payload: unknown };

/** An authentic body → the Stripe event envelope, or why it is not one (the JSON, if it was JSON). */
export function readStripeEvent(rawBody: string): ReadStripeEventResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    return { ok: false, message: 'Signed payload is not valid JSON', payload: rawBody };
  }
  const envelope = stripeEventEnvelopeSchema.safeParse(parsed);
  if (!envelope.success) {
    const where = envelope.error.issues[0]?.path.join('.') || '(root)';
    return { ok: false, message: `Signed payload is not a Stripe event (at ${where})`, payload: parsed };
  }
  return { ok: true, event: envelope.data };
}
