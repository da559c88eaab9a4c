import { can } from '@/lib/auth/capabilities';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { CustomerDetailView } from '@/components/customers/customer-detail';

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user } = await requirePageUser('console.read', `/customers/${id}`);
  return <CustomerDetailView id={id} canManageKeys={can(user, 'customer-keys.manage')} />;
}
