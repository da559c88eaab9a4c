import type { Metadata } from 'next';
import { can } from '@/lib/auth/capabilities';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { PageHeader } from '@/components/ui/page-header';
import { Forbidden } from '@/components/ui/forbidden';
import { SetupChecklist } from '@/components/overview/setup-checklist';
import { IntegrationsAdmin } from '@/components/settings/integrations-admin';
import { EmailBrandingAdmin } from '@/components/settings/email-branding-admin';

export const metadata: Metadata = { title: 'Integrations' };

export default async function IntegrationsPage() {
  const { user, allowed, needs } = await requirePageUser('integrations.manage', '/integrations');
  return (
    <>
      <PageHeader
        title="Integrations"
        description="Where approved messages and tasks go — Slack, your CRM, e-mail — each with Send test; and what else Tollgate needs connected."
      />
      {allowed ? (
        <div className="flex flex-col gap-6">
          <SetupChecklist />
          <IntegrationsAdmin />
          {can(user, 'email.branding.manage') ? <EmailBrandingAdmin /> : null}
        </div>
      ) : (
        <Forbidden role={user.role} needs={needs} />
      )}
    </>
  );
}
