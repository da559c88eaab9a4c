import { getDb } from '@/lib/db';
import { resolveDestination } from '@/lib/server/integrations/resolve-destination';
import type { EmailTransport } from './transports/email-transport';
import { emailUrlFromEnv, transportForUrl } from './transports/email-transport-url';

// An e-mail outbox destination (integration:<id> or default:email) → its transport, resolved at
// delivery time so a rotated key applies to messages already queued. Order for default:email:
// the first enabled e-mail integration, then SMTP_HOST / POSTMARK_SERVER_TOKEN / SENDGRID_API_KEY
// / RESEND_API_KEY, then EMAIL_WEBHOOK_URL (resolveDestination's own fallback).
export async function resolveEmailTransport(destination: string): Promise<EmailTransport> {
  if (destination === 'default:email') {
    const fromEnv = emailUrlFromEnv();
    const integration = await getDb().integration.findFirst({
      where: { kind: 'email', disabledAt: null },
      select: { id: true },
    });
    if (!integration && fromEnv) return transportForUrl(fromEnv);
  }
  return transportForUrl(await resolveDestination(destination, 'email'));
}
