import { resolveDestination } from '@/lib/server/integrations/resolve-destination';
import type { EmailTransport } from './transports/email-transport';
import { transportForUrl } from './transports/email-transport-url';

// An e-mail outbox destination (integration:<id> or default:email) → its transport, resolved at
// delivery time so a rotated key applies to messages already queued.
export async function resolveEmailTransport(destination: string): Promise<EmailTransport> {
  return transportForUrl(await resolveDestination(destination, 'email'));
}
