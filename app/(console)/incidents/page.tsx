import type { Metadata } from 'next';
import { can } from '@/lib/auth/capabilities';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { PageHeader } from '@/components/ui/page-header';
import { IncidentsList } from '@/components/incidents/incidents-list';

export const metadata: Metadata = { title: 'Incidents' };

export default async function IncidentsPage() {
  const { user } = await requirePageUser('console.read', '/incidents');
  return (
    <>
      <PageHeader title="Incidents" description="Outages and their SLA impact on customers." />
      <IncidentsList canManage={can(user, 'incidents.manage')} />
    </>
  );
}
