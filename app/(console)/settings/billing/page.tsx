import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { PageHeader } from '@/components/ui/page-header';
import { Forbidden } from '@/components/ui/forbidden';
import { BillingPlatformSettings } from '@/components/billing/billing-platform-settings';

export const metadata: Metadata = { title: 'Billing platform' };

export default async function BillingPlatformPage() {
  const { user, allowed, needs } = await requirePageUser('billing.manage', '/settings/billing');
  return (
    <>
      <PageHeader
        title="Billing platform"
        description="Connect Stripe, have it send its events here, and import its catalog and history. Plans and meters are then edited in the Catalog."
      />
      {allowed ? (
        <>
          <BillingPlatformSettings />
          <p className="mt-6 text-sm">
            <Link href="/catalog" className="text-brand-700 hover:underline">
              Open the catalog →
            </Link>
          </p>
        </>
      ) : (
        <Forbidden role={user.role} needs={needs} />
      )}
    </>
  );
}
