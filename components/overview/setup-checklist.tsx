'use client';
import Link from 'next/link';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { QueryState } from '@/components/ui/query-state';
import { useSetupChecklist } from '@/lib/queries/use-overview';

// The admin's first-run checklist on the overview. Each step is read from the configuration, so
// it ticks itself when the admin finishes the step on its page — and folds to one line once all are done.
export function SetupChecklist() {
  const query = useSetupChecklist();
  const [expanded, setExpanded] = useState(false);
  const c = query.data;
  if (c && c.done === c.total && !expanded)
    return (
      <p className="flex items-center gap-2 text-sm text-slate-600" data-testid="setup-complete">
        Set-up complete: billing, webhooks, ingest, integrations and policies are configured.
        <Button variant="ghost" onClick={() => setExpanded(true)}>
          Show steps
        </Button>
      </p>
    );
  return (
    <Card
      title="Set up Tollgate"
      actions={c ? <span className="text-xs text-slate-600">{`${c.done} of ${c.total} done`}</span> : null}
    >
      <QueryState isLoading={query.isLoading} error={query.data ? null : query.error}>
        {c ? (
          <ol className="flex flex-col divide-y divide-slate-100" data-testid="setup-checklist">
            {c.steps.map((step) => (
              <li key={step.key} className="flex items-start gap-3 py-2" data-testid={`setup-step-${step.key}`}>
                <Badge tone={step.done ? 'green' : 'amber'} className="mt-0.5 shrink-0">
                  {step.done ? 'Done' : 'To do'}
                </Badge>
                <div className="min-w-0 flex-1 text-sm">
                  <Link href={step.href} className="font-medium text-slate-800 underline-offset-2 hover:underline">
                    {step.title}
                  </Link>
                  <p className="text-slate-600">{step.detail}</p>
                </div>
              </li>
            ))}
          </ol>
        ) : null}
      </QueryState>
    </Card>
  );
}
