import { clock } from '@/lib/clock';
import { getDb } from '@/lib/db';
import type { SetupChecklist, SetupStep } from '@/lib/schemas/overview';
import { getBillingConnection } from '@/lib/server/billing/connection/get-billing-connection';

const CHANNEL_LABELS = { slack: 'Slack', crm: 'CRM', email: 'e-mail' } as const;

// The admin's first-run checklist. Every step is read from what is configured — nothing is
// ticked by hand — so a step turns back to "to do" when its configuration goes away (a revoked
// token, a disabled integration).
export async function getSetupChecklist(): Promise<SetupChecklist> {
  const db = getDb();
  const now = clock.now();
  const [connection, tokens, integrations, reviewedPolicies, policies] = await Promise.all([
    getBillingConnection(),
    db.ingestToken.count({ where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } }),
    db.integration.findMany({ where: { disabledAt: null }, select: { kind: true } }),
    db.policy.count({ where: { updatedById: { not: null } } }),
    db.policy.count(),
  ]);
  const connected = connection.source !== null;
  const secret = connection.webhook.secretStored || connection.webhook.secretInEnv;
  const channels = [...new Set(integrations.map((i) => i.kind))];
  const steps: SetupStep[] = [
    {
      key: 'billing',
      title: 'Connect the billing platform',
      done: connected,
      detail: connected
        ? `Stripe${connection.accountName ? ` account ${connection.accountName}` : ''}, key ${connection.keyHint}.`
        : 'Not connected: approved actions are applied to the built-in ledger only.',
      href: '/settings/billing',
    },
    {
      key: 'webhook_secret',
      title: 'Set the Stripe webhook signing secret',
      done: secret,
      detail: secret
        ? `Signing secret ${connection.webhook.secretStored ? 'stored in the console' : 'set in STRIPE_WEBHOOK_SECRET(S)'}.`
        : 'Missing: Stripe deliveries are refused until a signing secret is set.',
      href: '/settings/billing',
    },
    {
      key: 'ingest_token',
      title: 'Create an ingest token for your gateway',
      done: tokens > 0,
      detail:
        tokens > 0
          ? `${tokens} active token${tokens === 1 ? '' : 's'}.`
          : 'No active token: gateways cannot send usage or check entitlements.',
      href: '/ingest',
    },
    {
      key: 'notifications',
      title: 'Connect Slack, your CRM or e-mail',
      done: channels.length > 0,
      detail: channels.length
        ? `Configured: ${channels.map((c) => CHANNEL_LABELS[c]).join(', ')}.`
        : 'None yet: approved messages and tasks have nowhere to go.',
      href: '/integrations',
    },
    {
      key: 'policies',
      title: 'Review the action policies',
      done: reviewedPolicies > 0,
      detail:
        reviewedPolicies > 0
          ? `${reviewedPolicies} of ${policies} changed by an admin.`
          : `All ${policies} are still the defaults: check modes, caps and dual control.`,
      href: '/policies',
    },
  ];
  return { steps, done: steps.filter((s) => s.done).length, total: steps.length };
}
