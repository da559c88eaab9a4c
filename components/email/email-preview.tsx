'use client';
import { useState } from 'react';
import { useEmailPreview } from '@/lib/queries/use-email';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';

const WIDTHS = { desktop: 640, mobile: 375 } as const;
type View = keyof typeof WIDTHS | 'text';

// The e-mail as its recipient gets it, rendered by the server with the same code that sends it.
// The HTML sits in a sandboxed iframe (no scripts, no same-origin access): it is customer-facing
// content, and it must not be able to touch the console around it.
export function EmailPreview({
  payload,
  customerId,
  initialView = 'desktop',
  height = 560,
}: {
  payload: Record<string, unknown> | null;
  customerId: string | null;
  initialView?: View;
  height?: number;
}) {
  const [view, setView] = useState<View>(initialView);
  const preview = useEmailPreview(payload, customerId);
  const p = preview.data;
  return (
    <section className="flex flex-col gap-2" data-testid="email-preview" aria-label="E-mail preview">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">What the recipient sees</h3>
        <div className="flex gap-1" role="group" aria-label="Preview width">
          {(['desktop', 'mobile', 'text'] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              onClick={() => setView(v)}
              className={cn(
                'rounded-md px-2 py-1 text-xs font-medium',
                view === v ? 'bg-slate-900 text-white' : 'bg-slate-100 text-slate-700 hover:bg-slate-200',
              )}
            >
              {v === 'text' ? 'Plain text' : v[0]!.toUpperCase() + v.slice(1)}
            </button>
          ))}
        </div>
      </div>
      {preview.error ? (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="email-preview-error">
          {preview.error.message}
        </p>
      ) : null}
      {p ? (
        <>
          <dl className="grid grid-cols-[5rem_1fr] gap-x-2 gap-y-0.5 rounded-md bg-slate-50 p-2 text-xs">
            <dt className="text-slate-500">From</dt>
            <dd className="truncate">{p.from}</dd>
            <dt className="text-slate-500">To</dt>
            <dd className="truncate">{p.to}</dd>
            <dt className="text-slate-500">Reply-To</dt>
            <dd className="truncate">{p.replyTo ?? '— (replies go to From)'}</dd>
            <dt className="text-slate-500">Subject</dt>
            <dd className="font-medium" data-testid="email-preview-subject">
              {p.subject}
            </dd>
          </dl>
          <p className="flex items-center gap-2 text-xs text-slate-500">
            {p.transactional ? (
              <Badge tone="gray">transactional</Badge>
            ) : (
              <Badge tone="amber">one-click unsubscribe</Badge>
            )}
            {p.transactional
              ? 'Sent even to an address that unsubscribed; never to one that bounced or complained.'
              : 'Carries List-Unsubscribe; not sent to unsubscribed, bounced or complaining addresses.'}
          </p>
          {view === 'text' ? (
            <pre
              className="max-h-[560px] overflow-auto whitespace-pre-wrap rounded-md border border-slate-200 bg-white p-3 text-xs"
              data-testid="email-preview-text"
            >
              {p.text}
            </pre>
          ) : (
            <div className="overflow-x-auto rounded-md border border-slate-200 bg-slate-100 p-2">
              <iframe
                title={`E-mail preview (${view})`}
                sandbox=""
                srcDoc={p.html}
                style={{ width: WIDTHS[view], height }}
                className="mx-auto block rounded bg-white"
                data-testid="email-preview-frame"
              />
            </div>
          )}
        </>
      ) : preview.isPending && payload ? (
        <p className="text-xs text-slate-500">Rendering…</p>
      ) : null}
    </section>
  );
}
