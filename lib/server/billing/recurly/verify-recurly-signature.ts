import { createHmac, timingSafeEqual } from 'node:crypto';
import type { VerifyOutcome } from '@/lib/server/webhook-source/define-webhook-source';

/** How old (or how far ahead) a signature's timestamp may be: a captured delivery replays for no longer. */
export const RECURLY_SIGNATURE_TOLERANCE_MS = 5 * 60 * 1000;

const failure = (code: string, message: string): VerifyOutcome => ({ ok: false, status: 401, code, message });

function sameHex(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'hex');
  const b = Buffer.from(expected, 'hex');
  // Buffer.from drops what is not hex, so the lengths also catch a header with junk in it.
  return a.length === b.length && given.length === expected.length && timingSafeEqual(a, b);
}

/*
 * Recurly signs every JSON webhook: `recurly-signature: <unix ms>,<hex sig>[,<hex sig>…]`, each
 * signature HMAC-SHA256 of "<unix ms>.<raw body>" under the endpoint's key (two while a rotated
 * key's old value is still honoured). Every signature is compared in constant time, and all of
 * them always, so the answer's timing says nothing about how close a forgery came.
 */
export function verifyRecurlySignature(
  rawBody: string,
  header: string | null,
  secret: string | null | undefined,
  nowMs: number,
): VerifyOutcome {
  if (!secret) {
    // Ours to fix, not the sender's: 503 makes Recurly retry the delivery later.
    return {
      ok: false,
      status: 503,
      code: 'webhook_not_configured',
      message: 'The Recurly webhook signing key is not configured (RECURLY_WEBHOOK_SECRET)',
    };
  }
  if (!header) return failure('missing_signature', 'The recurly-signature header is required');
  const [timestamp, ...signatures] = header.split(',').map((part) => part.trim());
  if (!timestamp || !/^\d+$/.test(timestamp) || !signatures.length) {
    return failure('invalid_signature', 'The recurly-signature header is not "<timestamp>,<signature>"');
  }
  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
  const matches = signatures.map((signature) => sameHex(signature.toLowerCase(), expected));
  if (!matches.includes(true)) return failure('invalid_signature', 'No signature matches the raw body');
  if (Math.abs(nowMs - Number(timestamp)) > RECURLY_SIGNATURE_TOLERANCE_MS) {
    return failure('signature_expired', 'The signature timestamp is more than 5 minutes from now');
  }
  return { ok: true };
}
