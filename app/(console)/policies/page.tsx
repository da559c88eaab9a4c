import type { Metadata } from 'next';
import { can } from '@/lib/auth/capabilities';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { PageHeader } from '@/components/ui/page-header';
import { PoliciesTable } from '@/components/policies/policies-table';
import { SlaPoliciesEditor } from '@/components/policies/sla-policies-editor';
import { WorkflowsPanel } from '@/components/autonomy/workflows-panel';

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
      <h2 className="mt-8 mb-1 text-base font-semibold text-slate-800">Agent workflows</h2>
      <p className="mb-3 text-sm text-slate-600">
        Each agent × action kind earns its autonomy: observe, then assist (drafts for approval), then autopilot under
        caps once it has spent the minimum time in assist and its drafts are approved as written. Kind policies above
        are the defaults a new workflow inherits.
      </p>
      <WorkflowsPanel canEdit={can(user, 'policies.edit')} userId={user.id} />
    </>
  );
}
