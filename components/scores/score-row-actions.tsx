'use client';
import Link from 'next/link';
import { useDraftFromScore } from '@/lib/queries/use-scores';
import type { ScoreList } from '@/lib/schemas/scores';
import { Button } from '@/components/ui/button';

const OUTCOME = {
  drafted: 'Drafted for approval',
  auto_approved: 'Approved by policy',
  observed: 'Policy observes only: not drafted',
  suppressed: 'Policy is off: not drafted',
} as const;

// "Create CRM task" and (on the expansion list) "Draft upgrade": both become drafted actions in
// the approval queue with the scorecard as evidence; the policy of the kind decides the rest.
export function ScoreRowActions({ customerId, list }: { customerId: string; list: ScoreList }) {
  const draft = useDraftFromScore();
  const result = draft.data;
  return (
    <div className="flex flex-col items-start gap-1">
      <div className="flex gap-1.5">
        <Button
          variant="secondary"
          className="px-2 py-1 text-xs"
          disabled={draft.isPending}
          onClick={() => draft.mutate({ customerId, action: 'crm_task', list })}
        >
          Create CRM task
        </Button>
        {list === 'expansion' ? (
          <Button
            variant="secondary"
            className="px-2 py-1 text-xs"
            disabled={draft.isPending}
            onClick={() => draft.mutate({ customerId, action: 'upgrade', list })}
          >
            Draft upgrade
          </Button>
        ) : null}
      </div>
      {result ? (
        <span className="text-xs text-slate-600" data-testid="draft-result">
          {OUTCOME[result.outcome as keyof typeof OUTCOME] ?? result.outcome}
          {result.actionId ? (
            <>
              {' · '}
              <Link
                href={`/approvals/${encodeURIComponent(result.actionId)}`}
                className="text-brand-700 hover:underline"
              >
                open
              </Link>
            </>
          ) : null}
        </span>
      ) : null}
      {draft.error ? (
        <span className="text-xs text-red-700" role="status">
          {draft.error.message}
        </span>
      ) : null}
    </div>
  );
}
