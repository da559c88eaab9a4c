import type { Metadata } from 'next';
import { can } from '@/lib/auth/capabilities';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { PageHeader } from '@/components/ui/page-header';
import { KnowledgeBase } from '@/components/knowledge/knowledge-base';
import { vectorSearchStatus } from '@/lib/server/knowledge/vector-search-status';

export const metadata: Metadata = { title: 'Knowledge' };

export default async function KnowledgePage() {
  const { user } = await requirePageUser('console.read', '/knowledge');
  const vector = await vectorSearchStatus();
  return (
    <>
      <PageHeader
        title="Knowledge"
        description={`API docs and billing policies the support copilot answers from, with each customer's tickets and invoice explanations. ${vector.reason}`}
      />
      <KnowledgeBase canManage={can(user, 'knowledge.manage')} />
    </>
  );
}
