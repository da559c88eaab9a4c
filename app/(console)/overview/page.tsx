import type { Metadata } from 'next';
import { can } from '@/lib/auth/capabilities';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { PageHeader } from '@/components/ui/page-header';
import { PortfolioOverview } from '@/components/overview/portfolio-overview';
import { SetupChecklist } from '@/components/overview/setup-checklist';

export const metadata: Metadata = { title: 'Overview' };

export default async function OverviewPage() {
  const { user } = await requirePageUser('console.read', '/overview');
  return (
    <>
      <PageHeader
        title="Overview"
        description="What waits for a decision and what the agents saw: approvals by value, anomalies, quota crossings, dunning and expansion."
      />
      <div className="flex flex-col gap-6">
        {can(user, 'integrations.manage') ? <SetupChecklist /> : null}
        <PortfolioOverview />
      </div>
    </>
  );
}
