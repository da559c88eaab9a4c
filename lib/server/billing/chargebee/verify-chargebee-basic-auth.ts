import { sameSecret } from '@/lib/server/webhook-source/same-secret';
import type { VerifyOutcome } from '@/lib/server/webhook-source/define-webhook-source';

export interface BasicCredentials {
  username: string;
  password: string;
}

// Chargebee signs nothing: a webhook is protected by the HTTP Basic credentials set on it in
// Chargebee (Settings → Webhooks → "Protect webhook URL"). Both halves are compared in constant
// time, and both always, so the answer's timing says nothing about which half was wrong.
export function verifyChargebeeBasicAuth(headers: Headers, expected: BasicCredentials | null): VerifyOutcome {
  if (!expected) {
    // Ours to fix, not the sender's: 503 makes Chargebee retry the delivery later.
    return {
      ok: false,
      status: 503,
      code: 'webhook_not_configured',
      message:
        'Chargebee webhook credentials are not configured (CHARGEBEE_WEBHOOK_USERNAME and CHARGEBEE_WEBHOOK_PASSWORD)',
    };
  }
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(headers.get('authorization') ?? '');
  const decoded = match ? Buffer.from(match[1]!, 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const given =
    colon < 0
      ? { username: '', password: '' }
      : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  const userOk = sameSecret(given.username, expected.username);
  const passwordOk = sameSecret(given.password, expected.password);
  if (match && userOk && passwordOk) return { ok: true };
  return {
    ok: false,
    status: 401,
    code: match ? 'invalid_credentials' : 'missing_credentials',
    message: match ? 'The Basic-auth credentials do not match' : 'Basic-auth credentials are required',
  };
}
