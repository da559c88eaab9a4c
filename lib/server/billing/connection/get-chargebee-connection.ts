import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import type { ChargebeeConnectionView } from '@/lib/schemas/chargebee-connection';
import { HANDLED_CHARGEBEE_EVENT_TYPES } from '@/lib/server/billing/chargebee/chargebee-webhook-source';
import {
  CHARGEBEE_CONNECTION_ID,
  resolveChargebeeCredentials,
} from '@/lib/server/billing/chargebee/resolve-chargebee-client';
import { chargebeeKeyHint } from './save-chargebee-connection';

// What Settings → Billing platform shows for Chargebee: which site and key are in use (never
// the key), what the last test saw, and what to configure on the webhook in Chargebee.
export async function getChargebeeConnection(): Promise<ChargebeeConnectionView> {
  const env = getEnv();
  const [credentials, row] = await Promise.all([
    resolveChargebeeCredentials(),
    getDb().billingConnection.findUnique({ where: { id: CHARGEBEE_CONNECTION_ID } }),
  ]);
  return {
    source: credentials?.source ?? null,
    site: credentials?.site ?? null,
    keyHint: credentials ? chargebeeKeyHint(credentials.apiKey) : null,
    accountName: row?.accountName ?? null,
    testedAt: row?.testedAt?.toISOString() ?? null,
    missingPermissions: Array.isArray(row?.missingPermissions) ? (row.missingPermissions as string[]) : [],
    webhook: {
      url: env.NEXTAUTH_URL ? new URL('/api/webhooks/chargebee', env.NEXTAUTH_URL).toString() : null,
      events: [...HANDLED_CHARGEBEE_EVENT_TYPES],
      credentialsConfigured: Boolean(env.CHARGEBEE_WEBHOOK_USERNAME && env.CHARGEBEE_WEBHOOK_PASSWORD),
    },
  };
}
