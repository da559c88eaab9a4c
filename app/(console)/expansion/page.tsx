import type { Metadata } from 'next';
import { can } from '@/lib/auth/capabilities';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { PageHeader } from '@/components/ui/page-header';
import { ScoreLists } from '@/components/scores/score-lists';

export const metadata: Metadata = { title: 'Expansion' };

export default async function ExpansionPage() {
  const { user } = await requirePageUser('console.read', '/expansion');
  return (
    <>
      <PageHeader
        title="Expansion"
        description="Customers ranked by expansion, health and churn risk, with the billing signals behind each score."
      />
      <ScoreLists canDecide={can(user, 'actions.decide')} />
    </>
  );
}
