import { getEnv } from '@/lib/env';
import { checkOutboundUrl } from '@/lib/server/outbound-http/check-outbound-url';
import { TransportError, type EmailTransport } from './email-transport';
import { postmarkTransport } from './postmark-transport';
import { resendTransport } from './resend-transport';
import { sendgridTransport } from './sendgrid-transport';
import { smtpTransport } from './smtp-transport';
import { webhookTransport } from './webhook-transport';

// An e-mail destination is one URL, so it is stored (encrypted) like every integration secret:
//   smtp://user:pass@host:587   smtps://user:pass@host:465      SMTP (nodemailer)
//   postmark://<server token>@api.postmarkapp.com                Postmark
//   sendgrid://<api key>@api.sendgrid.com                        SendGrid
//   resend://<api key>@api.resend.com                            Resend
//   https://relay.example.com/hook                               the generic webhook
// A provider URL's host is its API host; `?tls=false` (plain http) is for local test servers only
// and passes the same loopback guard as webhooks.
export const EMAIL_URL_PROTOCOL = /^(https?|smtps?|postmark|sendgrid|resend)$/;

export async function transportForUrl(raw: string): Promise<EmailTransport> {
  const url = new URL(raw);
  const scheme = url.protocol.replace(/:$/, '');
  if (scheme === 'http' || scheme === 'https') return webhookTransport(raw);
  if (scheme === 'smtp' || scheme === 'smtps') return smtpTransport(url);
  const key = decodeURIComponent(url.username);
  if (!key) throw new TransportError(`The ${scheme} destination has no API key`, true);
  const tls = url.searchParams.get('tls') !== 'false';
  const origin = `${tls ? 'https' : 'http'}://${url.host}`;
  const env = getEnv();
  await checkOutboundUrl(origin, {
    allowLoopback: env.OUTBOUND_ALLOW_LOOPBACK,
    allowedPorts: env.OUTBOUND_ALLOWED_PORTS,
  }).catch((err: Error) => {
    throw new TransportError(`${scheme} API host: ${err.message}`, true);
  });
  if (scheme === 'postmark') return postmarkTransport(key, url.host, tls);
  if (scheme === 'sendgrid') return sendgridTransport(key, `${origin}/`);
  if (scheme === 'resend') return resendTransport(key, origin);
  throw new TransportError(`Not an e-mail destination: ${scheme}`, true);
}

// The environment's transport when no e-mail integration is configured, in this order: SMTP,
// Postmark, SendGrid, Resend (EMAIL_WEBHOOK_URL is resolveDestination's fallback after these).
export function emailUrlFromEnv(): string | undefined {
  const env = getEnv();
  if (env.SMTP_HOST) {
    const auth = env.SMTP_USER
      ? `${encodeURIComponent(env.SMTP_USER)}:${encodeURIComponent(env.SMTP_PASSWORD ?? '')}@`
      : '';
    return `${env.SMTP_SECURE ? 'smtps' : 'smtp'}://${auth}${env.SMTP_HOST}:${env.SMTP_PORT}`;
  }
  if (env.POSTMARK_SERVER_TOKEN)
    return `postmark://${encodeURIComponent(env.POSTMARK_SERVER_TOKEN)}@api.postmarkapp.com`;
  if (env.SENDGRID_API_KEY) return `sendgrid://${encodeURIComponent(env.SENDGRID_API_KEY)}@api.sendgrid.com`;
  if (env.RESEND_API_KEY) return `resend://${encodeURIComponent(env.RESEND_API_KEY)}@api.resend.com`;
  return undefined;
}
