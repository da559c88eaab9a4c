import type { Metadata } from 'next';
import { can } from '@/lib/auth/capabilities';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { PageHeader } from '@/components/ui/page-header';
import { IncidentDetailView } from '@/components/incidents/incident-detail';

export const metadata: Metadata = { title: 'Incident' };

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user } = await requirePageUser('console.read', `/incidents/${id}`);
  return (
    <>
      <PageHeader
        title="Incident"
        description="Timeline, the cohort validated from usage, and each customer's SLA credit."
      />
      <IncidentDetailView id={id} canManage={can(user, 'incidents.manage')} canDecide={can(user, 'actions.decide')} />
    </>
  );
}
