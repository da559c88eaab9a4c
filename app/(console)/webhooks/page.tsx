import type { Metadata } from 'next';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { PageHeader } from '@/components/ui/page-header';
import { Forbidden } from '@/components/ui/forbidden';
import { WebhooksInbox } from '@/components/webhooks/webhooks-inbox';
import { webhookSourceProblems } from '@/lib/server/webhooks/webhook-sources';

export const metadata: Metadata = { title: 'Webhooks' };
const ROLES = ['admin', 'revops'] as const;

export default async function WebhooksPage() {
  const { user, allowed } = await requirePageUser(ROLES, '/webhooks');
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Every event a webhook source sent: stored on arrival, processed in the background, retried with backoff for three days on failure. Admins can replay events."
      />
      {allowed ? (
        <WebhooksInbox canReplay={user.role === 'admin'} problems={webhookSourceProblems()} />
      ) : (
        <Forbidden role={user.role} needs={ROLES} />
      )}
    </>
  );
}
