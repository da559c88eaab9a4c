import type { Metadata } from 'next';
import { can } from '@/lib/auth/capabilities';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { PageHeader } from '@/components/ui/page-header';
import { Forbidden } from '@/components/ui/forbidden';
import { IngestStatsTable } from '@/components/ingest/ingest-stats-table';
import { IngestTokensAdmin } from '@/components/ingest/ingest-tokens-admin';
import { ImportCustomerKeysCard } from '@/components/ingest/import-customer-keys-card';
import { ForwardingCard } from '@/components/ingest/forwarding-card';

export const metadata: Metadata = { title: 'Ingest' };

export default async function IngestPage() {
  const { user, allowed, needs } = await requirePageUser('ingest.read', '/ingest');
  return (
    <>
      <PageHeader
        title="Usage ingest"
        description="Tokens that meters and gateways use, and what each source sent: accepted, duplicate and rejected events."
      />
      {allowed ? (
        <div className="flex flex-col gap-6">
          <IngestStatsTable />
          <ForwardingCard />
          {can(user, 'ingest.tokens.manage') ? (
            <IngestTokensAdmin />
          ) : (
            <p className="text-sm text-slate-500">Ingest tokens are managed by admins.</p>
          )}
          {can(user, 'customer-keys.manage') ? <ImportCustomerKeysCard /> : null}
        </div>
      ) : (
        <Forbidden role={user.role} needs={needs} />
      )}
    </>
  );
}
