import type { Metadata } from 'next';
import { can } from '@/lib/auth/capabilities';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { InvoiceDetailView } from '@/components/invoices/invoice-detail';

export const metadata: Metadata = { title: 'Invoice' };

// Every role reads an invoice and its explanation; revops and admins may regenerate it and post it to Slack.
export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user } = await requirePageUser('console.read', `/invoices/${id}`);
  return <InvoiceDetailView id={id} canManage={can(user, 'invoices.explain')} />;
}
