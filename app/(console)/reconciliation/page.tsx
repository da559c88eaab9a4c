import type { Metadata } from 'next';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { PageHeader } from '@/components/ui/page-header';
import { Forbidden } from '@/components/ui/forbidden';
import { ReconciliationTable } from '@/components/reconciliation/reconciliation-table';

export const metadata: Metadata = { title: 'Reconciliation' };

export default async function ReconciliationPage() {
  const { user, allowed, needs } = await requirePageUser('reconciliation.read', '/reconciliation');
  return (
    <>
      <PageHeader
        title="Usage reconciliation"
        description="Per customer, meter and period: usage Tollgate accepted, what Stripe acknowledged and reports, and what the invoice bills."
      />
      {allowed ? <ReconciliationTable /> : <Forbidden role={user.role} needs={needs} />}
    </>
  );
}
