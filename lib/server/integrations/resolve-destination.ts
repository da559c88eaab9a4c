import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import type { OutboxInput } from '@/lib/server/outbox/enqueue-outbox-message';
import { openSecret } from './secret-box';

type Channel = OutboxInput['channel'];

// Outbox messages name where they go, never the URL itself:
//   integration:<id>  one admin-configured integration (a Slack post may pick one by id);
//   default:<kind>    the first enabled integration of that kind, else the environment's fallback
//                     (SLACK_WEBHOOK_URL, CRM_WEBHOOK_URL, EMAIL_WEBHOOK_URL).
// Resolved at delivery time, so a rotated secret applies to messages already queued.
export const destinationFor = (channel: Channel, integrationId?: string | null) =>
  integrationId ? `integration:${integrationId}` : `default:${channel}`;

export class DestinationError extends Error {}

const FALLBACK_VARIABLE = { slack: 'SLACK_WEBHOOK_URL', crm: 'CRM_WEBHOOK_URL', email: 'EMAIL_WEBHOOK_URL' } as const;

export async function resolveDestination(ref: string, channel: Channel): Promise<string> {
  const [scheme, value] = [ref.slice(0, ref.indexOf(':')), ref.slice(ref.indexOf(':') + 1)];
  const db = getDb();
  if (scheme === 'integration') {
    const row = await db.integration.findUnique({ where: { id: value } });
    if (!row || row.disabledAt) throw new DestinationError(`Integration ${value} does not exist or is disabled`);
    if (row.kind !== channel)
      throw new DestinationError(`Integration ${row.name} is a ${row.kind} integration, not ${channel}`);
    return openSecret(row.secretCiphertext, row.id);
  }
  if (scheme === 'default' && value === channel) {
    const row = await db.integration.findFirst({
      where: { kind: channel, disabledAt: null },
      orderBy: { createdAt: 'asc' },
    });
    if (row) return openSecret(row.secretCiphertext, row.id);
    const fallback = getEnv()[FALLBACK_VARIABLE[channel]];
    if (fallback) return fallback;
    throw new DestinationError(
      `No ${channel} destination: add a ${channel} integration in Settings (or set ${FALLBACK_VARIABLE[channel]})`,
    );
  }
  throw new DestinationError('Outbox destinations name an integration, never a URL');
}
