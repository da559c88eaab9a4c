'use client';
import type { ExplanationView, InvoiceDetail } from '@/lib/schemas/invoices';
import { formatDateTime } from '@/lib/format';
import { useInvoiceExplanations, useRegenerateExplanation } from '@/lib/queries/use-invoice-explanations';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { QueryState } from '@/components/ui/query-state';
import { AttributedTextView } from './attributed-text';
import { ExplanationActions } from './explanation-actions';

// The plain-English explanation: summary, line by line, what changed. Hover any number to see
// the fact it comes from. Regenerate streams the draft when a model is configured; the checked,
// stored result then replaces it. The drivers table sits beside it (ChangeDriversCard).
const consulted = (ex: ExplanationView) => {
  const first = ex.verdict.attempts.find((a) => a.source === 'model');
  return first ? `The model (${first.provider} · ${first.modelId})` : 'The model';
};

export function ExplanationCard({ invoice, canManage }: { invoice: InvoiceDetail; canManage: boolean }) {
  const { data, isLoading, error } = useInvoiceExplanations(invoice.id);
  const regenerate = useRegenerateExplanation(invoice.id);
  const ex = data?.items[0] ?? null;
  const regenerateButton = canManage ? (
    <Button
      variant="secondary"
      disabled={regenerate.isPending}
      onClick={() => regenerate.mutate()}
      title={`New explanations come from: ${invoice.writer.label}`}
    >
      {regenerate.isPending ? 'Writing…' : ex ? 'Regenerate' : 'Explain this invoice'}
    </Button>
  ) : null;
  return (
    <Card title="Explanation" actions={regenerateButton}>
      <QueryState isLoading={isLoading} error={error}>
        {regenerate.draft !== null ? (
          <div data-testid="explanation-draft" aria-live="polite">
            <Badge tone="amber">Writing with {invoice.writer.label} — numbers are checked before it is kept</Badge>
            <p className="mt-3 whitespace-pre-wrap text-sm text-slate-700">{regenerate.draft || '…'}</p>
          </div>
        ) : !ex ? (
          <p className="text-sm text-slate-500">
            No explanation yet.{canManage ? '' : ' One is written when the invoice is created or finalised.'}
          </p>
        ) : (
          <article
            data-testid="invoice-explanation"
            className="flex flex-col gap-4 text-sm leading-relaxed text-slate-800"
          >
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone={ex.source === 'model' ? 'blue' : 'gray'}>
                <span data-testid="writer-label">{ex.writerLabel}</span>
              </Badge>
              {ex.verdict.ok ? (
                <Badge tone="green">
                  {ex.verdict.verified} of {ex.verdict.numbers} numbers checked against the invoice
                </Badge>
              ) : (
                <Badge tone="red">Some numbers could not be checked</Badge>
              )}
            </div>
            <p data-testid="explanation-summary" className="text-base">
              <AttributedTextView value={ex.summary} />
            </p>
            {ex.lines.length > 0 ? (
              <section>
                <h3 className="mb-1 font-semibold text-slate-900">Line by line</h3>
                <ul className="flex list-disc flex-col gap-1 pl-5">
                  {ex.lines.map((l) => (
                    <li key={l.lineId} data-testid="explanation-line">
                      <AttributedTextView value={l} />
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <section>
              <h3 className="mb-1 font-semibold text-slate-900">What changed since last month</h3>
              <ul className="flex list-disc flex-col gap-1 pl-5">
                {ex.changes.map((c, i) => (
                  <li key={i} data-testid="explanation-change">
                    <AttributedTextView value={c} />
                  </li>
                ))}
              </ul>
            </section>
            {ex.fallbackReason === 'ungrounded' || ex.fallbackReason === 'model_error' ? (
              <p className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900" data-testid="fallback-note">
                {ex.fallbackReason === 'ungrounded'
                  ? `${consulted(ex)} stated numbers that are not in the invoice data (${[...new Set(ex.verdict.attempts.flatMap((a) => a.unverified))].join(', ')}), so its text was rejected and the built-in writer's explanation is shown.`
                  : `${consulted(ex)} could not be reached, so the built-in writer wrote this explanation.`}
              </p>
            ) : null}
            <footer className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 pt-3">
              <span className="text-xs text-slate-500" data-testid="explanation-provenance">
                Provider {ex.provider} · model {ex.modelId ?? '—'} · prompt {ex.promptVersion} ·{' '}
                {formatDateTime(ex.createdAt)}
              </span>
              <ExplanationActions invoiceId={invoice.id} explanation={ex} canManage={canManage} />
            </footer>
          </article>
        )}
        {regenerate.error ? (
          <p className="mt-2 text-sm text-red-700" data-testid="regenerate-error">
            {regenerate.error.message}
          </p>
        ) : null}
      </QueryState>
    </Card>
  );
}
