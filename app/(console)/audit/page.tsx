import type { Metadata } from 'next';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { PageHeader } from '@/components/ui/page-header';
import { Forbidden } from '@/components/ui/forbidden';
import { AuditTable } from '@/components/audit/audit-table';

export const metadata: Metadata = { title: 'Audit' };

export default async function AuditPage() {
  const { user, allowed, needs } = await requirePageUser('audit.read', '/audit');
  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Append-only, hash-chained record of every change and every agent decision."
      />
      {allowed ? <AuditTable /> : <Forbidden role={user.role} needs={needs} />}
    </>
  );
}
