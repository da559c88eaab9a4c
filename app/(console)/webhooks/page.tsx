import type { Metadata } from 'next';
import { can } from '@/lib/auth/capabilities';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { PageHeader } from '@/components/ui/page-header';
import { Forbidden } from '@/components/ui/forbidden';
import { WebhooksInbox } from '@/components/webhooks/webhooks-inbox';
import { webhookSourceProblems } from '@/lib/server/webhooks/webhook-sources';

export const metadata: Metadata = { title: 'Webhooks' };

export default async function WebhooksPage() {
  const { user, allowed, needs } = await requirePageUser('webhooks.read', '/webhooks');
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Every event a webhook source sent: stored on arrival, processed in the background, retried with backoff for three days on failure. Admins can replay events."
      />
      {allowed ? (
        <WebhooksInbox canReplay={can(user, 'webhooks.replay')} problems={await webhookSourceProblems()} />
      ) : (
        <Forbidden role={user.role} needs={needs} />
      )}
    </>
  );
}
