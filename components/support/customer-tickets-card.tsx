'use client';
import { formatDateTime } from '@/lib/format';
import { useCustomerTickets, useDecideTicketNote } from '@/lib/queries/use-customer-support';
import type { CustomerTickets } from '@/lib/schemas/support';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { QueryCard } from '@/components/ui/query-card';

type Ticket = CustomerTickets['items'][number];

function TicketNotes({ customerId, ticket }: { customerId: string; ticket: Ticket }) {
  const decide = useDecideTicketNote(customerId);
  if (ticket.notes.length === 0) return null;
  return (
    <ul className="mt-2 flex flex-col gap-2">
      {ticket.notes.map((n) => (
        <li
          key={n.id}
          className={
            n.status === 'draft'
              ? 'rounded-md border border-dashed border-brand-300 bg-brand-50/40 p-2'
              : 'rounded-md bg-slate-50 p-2'
          }
          data-testid={`ticket-note-${n.status}`}
        >
          <div className="mb-1 flex items-center justify-between gap-2 text-xs text-slate-500">
            <span>
              {n.status === 'draft' ? 'Draft note — not on the ticket until confirmed' : 'Note'} ·{' '}
              {formatDateTime(n.createdAt)}
            </span>
            {n.status === 'draft' ? (
              <span className="flex gap-1">
                <Button
                  variant="secondary"
                  disabled={decide.isPending}
                  onClick={() => decide.mutate({ noteId: n.id, decision: 'discard' })}
                >
                  Discard
                </Button>
                <Button
                  disabled={decide.isPending}
                  onClick={() => decide.mutate({ noteId: n.id, decision: 'confirm' })}
                >
                  Confirm note
                </Button>
              </span>
            ) : null}
          </div>
          <p className="whitespace-pre-wrap text-sm text-slate-700">{n.body}</p>
        </li>
      ))}
      {decide.error ? <li className="text-xs text-red-700">{decide.error.message}</li> : null}
    </ul>
  );
}

// Tickets with their dates and bodies (customer-written text, shown as plain text), and the
// notes drafted for them from copilot answers.
export function CustomerTicketsCard({ customerId, className }: { customerId: string; className?: string }) {
  const query = useCustomerTickets(customerId);
  return (
    <QueryCard title="Tickets" className={className} query={query} testId="tickets-card">
      {({ items }) =>
        items.length === 0 ? (
          <p className="text-sm text-slate-500">No tickets.</p>
        ) : (
          <ul className="flex flex-col divide-y divide-slate-100">
            {items.map((t) => (
              <li key={t.id} className="py-3 first:pt-0" data-testid="ticket">
                <div className="flex items-start justify-between gap-2 text-sm">
                  <span className="font-medium">{t.subject}</span>
                  <Badge tone={t.status === 'open' ? 'amber' : 'gray'}>{t.status}</Badge>
                </div>
                <div className="text-xs text-slate-500">
                  Opened {formatDateTime(t.createdAt)} · {t.category} · {t.priority} priority
                </div>
                <p className="mt-1 whitespace-pre-wrap text-sm text-slate-700">{t.body}</p>
                <TicketNotes customerId={customerId} ticket={t} />
              </li>
            ))}
          </ul>
        )
      }
    </QueryCard>
  );
}
