import type { Metadata } from 'next';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { PageHeader } from '@/components/ui/page-header';
import { CustomersTable } from '@/components/customers/customers-table';

export const metadata: Metadata = { title: 'Customers' };

export default async function CustomersPage() {
  await requirePageUser('console.read', '/customers');
  return (
    <>
      <PageHeader
        title="Customers"
        description="Every customer with their plan and how much of it they have used this billing period."
      />
      <CustomersTable />
    </>
  );
}
