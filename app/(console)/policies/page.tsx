import type { Metadata } from 'next';
import { can } from '@/lib/auth/capabilities';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { PageHeader } from '@/components/ui/page-header';
import { PoliciesTable } from '@/components/policies/policies-table';
import { SlaPoliciesEditor } from '@/components/policies/sla-policies-editor';

export const metadata: Metadata = { title: 'Policies' };

export default async function PoliciesPage() {
  const { user } = await requirePageUser('console.read', '/policies');
  return (
    <>
      <PageHeader
        title="Policies"
        description="How far agents may go on their own, per action kind: off, observe, assist (draft for approval) or autopilot under caps. Admins change them."
      />
      <PoliciesTable canEdit={can(user, 'policies.edit')} />
      <SlaPoliciesEditor canEdit={can(user, 'sla-policies.edit')} />
    </>
  );
}
