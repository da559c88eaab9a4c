import type { Metadata } from 'next';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { PageHeader } from '@/components/ui/page-header';
import { InvoicesTable } from '@/components/invoices/invoices-table';

export const metadata: Metadata = { title: 'Invoices' };

export default async function InvoicesPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  await requirePageUser('console.read', '/invoices');
  const { q } = await searchParams;
  return (
    <>
      <PageHeader title="Invoices" description="Invoices from the billing platform, newest period first." />
      <InvoicesTable initialQuery={q ?? ''} />
    </>
  );
}
