import type { Metadata } from 'next';
import { can } from '@/lib/auth/capabilities';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { PageHeader } from '@/components/ui/page-header';
import { Forbidden } from '@/components/ui/forbidden';
import { WebhooksInbox } from '@/components/webhooks/webhooks-inbox';

export const metadata: Metadata = { title: 'Webhooks' };

export default async function WebhooksPage() {
  const { user, allowed, needs } = await requirePageUser('webhooks.read', '/webhooks');
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Every event the billing platform sent: stored on arrival, processed in the background, retried on failure. Admins can replay an event."
      />
      {allowed ? (
        <WebhooksInbox canReplay={can(user, 'webhooks.replay')} />
      ) : (
        <Forbidden role={user.role} needs={needs} />
      )}
    </>
  );
}
