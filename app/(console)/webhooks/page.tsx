import type { Metadata } from 'next';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { PageHeader } from '@/components/ui/page-header';
import { Forbidden } from '@/components/ui/forbidden';
import { WebhooksInbox } from '@/components/webhooks/webhooks-inbox';

export const metadata: Metadata = { title: 'Webhooks' };
const ROLES = ['admin', 'revops'] as const;

export default async function WebhooksPage() {
  const { user, allowed } = await requirePageUser(ROLES, '/webhooks');
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Every event the billing platform sent: stored on arrival, processed in the background, retried on failure. Admins can replay an event."
      />
      {allowed ? <WebhooksInbox canReplay={user.role === 'admin'} /> : <Forbidden role={user.role} needs={ROLES} />}
    </>
  );
}
