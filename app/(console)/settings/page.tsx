import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/lib/auth/capabilities';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { UsersAdmin } from '@/components/settings/users-admin';
import { LinkSsoButton } from '@/components/settings/link-sso-button';
import { isOidcEnabled } from '@/lib/auth/auth-options';
import { getEnv } from '@/lib/env';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const { user } = await requirePageUser('console.read', '/settings');
  return (
    <>
      <PageHeader title="Settings" />
      <div className="flex flex-col gap-6">
        <Card title="Your account">
          <p className="text-sm">
            {user.name} · {user.email} · {ROLE_LABELS[user.role]}
          </p>
          {isOidcEnabled() ? <LinkSsoButton providerName={getEnv().OIDC_DISPLAY_NAME} /> : null}
        </Card>
        {can(user, 'users.manage') ? (
          <>
            <UsersAdmin currentUserId={user.id} />
            <Card title="Integrations">
              <p className="text-sm text-slate-600">
                Slack, CRM and e-mail destinations, the e-mail branding and the set-up checklist are on the{' '}
                <Link href="/integrations" className="text-brand-700 underline">
                  Integrations
                </Link>{' '}
                page.
              </p>
            </Card>
            {can(user, 'billing.manage') ? (
              <Card title="Billing platform">
                <p className="text-sm text-slate-600">
                  Connect Stripe, set up its webhooks and import its catalog and history on the{' '}
                  <Link href="/settings/billing" className="text-brand-700 underline">
                    Billing platform
                  </Link>{' '}
                  page.
                </p>
              </Card>
            ) : null}
            <Card title="Ingest tokens">
              <p className="text-sm text-slate-600">
                Tokens that gateways and meters use to send usage and ask for entitlement checks are created and revoked
                on the{' '}
                <Link href="/ingest" className="text-brand-700 underline">
                  Ingest
                </Link>{' '}
                page.
              </p>
            </Card>
          </>
        ) : (
          <p className="text-sm text-slate-500">Users, roles and ingest tokens are managed by admins.</p>
        )}
      </div>
    </>
  );
}
