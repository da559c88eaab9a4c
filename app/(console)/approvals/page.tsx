import type { Metadata } from 'next';
import { can } from '@/lib/auth/capabilities';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { PageHeader } from '@/components/ui/page-header';
import { ApprovalQueue } from '@/components/approvals/approval-queue';
import { AgentNamesProvider } from '@/components/agents/agent-names';
import { agentTitles } from '@/lib/server/agents/registry';

export const metadata: Metadata = { title: 'Approvals' };

export default async function ApprovalsPage() {
  const { user } = await requirePageUser('console.read', '/approvals');
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
