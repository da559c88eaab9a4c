'use client';
import { useWorkflows } from '@/lib/queries/use-workflows';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryState } from '@/components/ui/query-state';
import { WorkflowCard } from './workflow-card';

// Earned autonomy on the policy screen: every agent × action kind workflow with its evidence.
export function WorkflowsPanel({ canEdit, userId }: { canEdit: boolean; userId: string }) {
  const { data, isLoading, error } = useWorkflows();
  return (
    <QueryState isLoading={isLoading} error={error}>
      {data && data.items.length === 0 ? (
        <EmptyState title="No agent workflows yet">
          A workflow appears with an agent’s first proposal of a kind.
        </EmptyState>
      ) : (
        <div className="space-y-4">
          {data?.items.map((wf) => (
            <WorkflowCard key={wf.id} workflow={wf} canEdit={canEdit} userId={userId} />
          ))}
        </div>
      )}
    </QueryState>
  );
}
