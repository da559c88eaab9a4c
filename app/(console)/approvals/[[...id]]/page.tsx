import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { can } from '@/lib/auth/capabilities';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { PageHeader } from '@/components/ui/page-header';
import { ApprovalQueue } from '@/components/approvals/approval-queue';
import { AgentNamesProvider } from '@/components/agents/agent-names';
import { agentTitles } from '@/lib/server/agents/registry';

export const metadata: Metadata = { title: 'Approvals' };

// `/approvals` and `/approvals/<actionId>`: one page, so moving the selection (which rewrites the
// path) keeps the queue mounted; the client reads the id and the filters from the URL.
export default async function ApprovalsPage({ params }: { params: Promise<{ id?: string[] }> }) {
  const { id } = await params;
  if (id && id.length > 1) notFound();
  const path = id?.[0] ? `/approvals/${encodeURIComponent(id[0])}` : '/approvals';
  const { user } = await requirePageUser('console.read', path);
  return (
    <>
      <PageHeader
        title="Approvals"
        description="Actions drafted by agents wait here. Nothing reaches the billing platform until a person with the right role approves it."
      />
      <AgentNamesProvider names={agentTitles()}>
        <ApprovalQueue canDecide={can(user, 'actions.decide')} />
      </AgentNamesProvider>
    </>
  );
}
