import type { Metadata } from 'next';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { PageHeader } from '@/components/ui/page-header';
import { Forbidden } from '@/components/ui/forbidden';
import { CatalogAdmin } from '@/components/catalog/catalog-admin';

export const metadata: Metadata = { title: 'Catalog' };

export default async function CatalogPage() {
  const { user, allowed, needs } = await requirePageUser('billing.manage', '/catalog');
  return (
    <>
      <PageHeader
        title="Catalog"
        description="Plans mapped to Stripe prices, meters mapped to Stripe billing meters, and each plan's limits. Every change is audited."
      />
      {allowed ? <CatalogAdmin /> : <Forbidden role={user.role} needs={needs} />}
    </>
  );
}
