'use client';
import Link from 'next/link';
import { useState } from 'react';
import type { ExplanationView } from '@/lib/schemas/invoices';
import { useShareExplanationToSlack } from '@/lib/queries/use-invoice-explanations';
import { Button } from '@/components/ui/button';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (permissions, insecure origin): fall back to a selected textarea.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

const OUTCOME_TEXT = {
  drafted: 'Drafted a Slack post for approval.',
  auto_approved: 'Slack post approved by policy; it will be sent shortly.',
  observed: 'Slack posts are in observe mode: the post was recorded, not drafted.',
  suppressed: 'Slack posts are turned off by policy.',
  refused: 'The Slack post was refused: it is outside the scope of who asked for it.',
} as const;

// "Copy as Markdown" for everyone; "Post to Slack" drafts an action that goes through the
// slack_post policy and the approval queue like any other (revops, admin).
export function ExplanationActions({
  invoiceId,
  explanation,
  canManage,
}: {
  invoiceId: string;
  explanation: ExplanationView;
  canManage: boolean;
}) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const share = useShareExplanationToSlack(invoiceId);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        variant="secondary"
        onClick={async () => setCopied((await copyText(explanation.markdown)) ? 'copied' : 'failed')}
      >
        {copied === 'copied' ? 'Copied' : 'Copy as Markdown'}
      </Button>
      {canManage ? (
        <Button variant="secondary" disabled={share.isPending} onClick={() => share.mutate(explanation.id)}>
          {share.isPending ? 'Drafting…' : 'Post to Slack'}
        </Button>
      ) : null}
      {copied === 'failed' ? <span className="text-xs text-red-700">The browser refused to copy.</span> : null}
      {share.data ? (
        <span className="text-xs text-slate-600" data-testid="slack-outcome">
          {OUTCOME_TEXT[share.data.outcome]}{' '}
          {share.data.actionId ? (
            <Link className="text-brand-700 hover:underline" href="/approvals">
              Open the approval queue
            </Link>
          ) : null}
        </span>
      ) : null}
      {share.error ? <span className="text-xs text-red-700">{share.error.message}</span> : null}
    </div>
  );
}
