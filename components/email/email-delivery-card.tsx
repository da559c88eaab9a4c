'use client';
import { formatDateTime } from '@/lib/format';
import type { EmailDeliveryStatus, EmailDeliveryView } from '@/lib/schemas/email';
import { useState } from 'react';
import { useEmailDeliveries, useResendEmail } from '@/lib/queries/use-email';
import { Button } from '@/components/ui/button';
import { Badge, type BadgeTone } from '@/components/ui/badge';

const TONES: Record<EmailDeliveryStatus, BadgeTone> = {
  queued: 'gray',
  handing_off: 'gray',
  accepted: 'blue',
  delivered: 'green',
  opened: 'green',
  bounced: 'red',
  complained: 'red',
  failed: 'red',
  suppressed: 'amber',
  unknown: 'amber',
};

const SAYS: Record<EmailDeliveryStatus, string> = {
  queued: 'Waiting to be sent',
  handing_off: 'Being handed to the mail server',
  accepted: 'Accepted by the mail server',
  delivered: 'Delivered to the recipient’s server',
  opened: 'Opened',
  bounced: 'Bounced',
  complained: 'Marked as spam by the recipient',
  failed: 'Not sent',
  suppressed: 'Not sent: address suppressed',
  unknown: 'Delivery unknown — the worker stopped during the hand-off',
};

/** One line per e-mail: status, recipient, when, and what the server or provider said. */
export function EmailDeliveryLine({ d }: { d: EmailDeliveryView }) {
  return (
    <li className="flex flex-col gap-0.5 py-2 text-sm" data-testid="email-delivery">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={TONES[d.status]}>{d.status.replace('_', ' ')}</Badge>
        <span className="font-medium text-slate-900">{d.subject}</span>
        <span className="text-xs text-slate-500">
          to {d.to} · {formatDateTime(d.lastEventAt ?? d.createdAt)}
          {d.transport ? ` · via ${d.transport}` : ''}
        </span>
      </div>
      <p className="text-xs text-slate-600">
        {SAYS[d.status]}
        {d.detail ? ` — ${d.detail}` : ''}
      </p>
      {d.resend ? (
        <p className="text-xs text-slate-600" data-testid="email-resend-note">
          Resent by hand on {formatDateTime(d.resend.requestedAt)} ({d.resend.status})
          {d.resend.response ? `: ${d.resend.response}` : ''}
        </p>
      ) : null}
      {d.canResend ? <ResendControl d={d} /> : null}
    </li>
  );
}

// Resend asks first: the first copy may have arrived, so the customer may get it twice.
function ResendControl({ d }: { d: EmailDeliveryView }) {
  const [asking, setAsking] = useState(false);
  const resend = useResendEmail();
  if (!asking)
    return (
      <div>
        <Button variant="secondary" onClick={() => setAsking(true)}>
          Resend…
        </Button>
      </div>
    );
  return (
    <div className="flex flex-col gap-2 rounded-md bg-amber-50 p-2 text-xs text-amber-900" data-testid="resend-confirm">
      <p>
        The first copy may already be in {d.to}&rsquo;s inbox: resending can deliver it twice. It is sent once more with
        the same Message-ID ({d.messageId}), so most mail clients show one. It can be resent only once.
      </p>
      <div className="flex gap-2">
        <Button onClick={() => resend.mutate(d.id)} disabled={resend.isPending}>
          Resend once
        </Button>
        <Button variant="secondary" onClick={() => setAsking(false)} disabled={resend.isPending}>
          Cancel
        </Button>
      </div>
      {resend.error ? <p className="text-red-700">{resend.error.message}</p> : null}
    </div>
  );
}

// The delivery card of a customer page or an action: what happened to the e-mails sent.
export function EmailDeliveryCard({
  filter,
  title = 'E-mails',
}: {
  filter: { customerId: string } | { actionId: string };
  title?: string;
}) {
  const q = useEmailDeliveries(filter);
  const items = q.data?.items ?? [];
  if (q.isPending) return null;
  if ('actionId' in filter && !items.length) return null;
  return (
    <section
      className="rounded-lg border border-slate-200 bg-white p-4"
      aria-label={title}
      data-testid="email-delivery-card"
    >
      <h3 className="text-sm font-semibold">{title}</h3>
      {q.error ? <p className="text-sm text-red-700">{q.error.message}</p> : null}
      {items.length ? (
        <ul className="divide-y divide-slate-100">
          {items.map((d) => (
            <EmailDeliveryLine key={d.id} d={d} />
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-sm text-slate-500">No e-mails sent to this customer yet.</p>
      )}
    </section>
  );
}
