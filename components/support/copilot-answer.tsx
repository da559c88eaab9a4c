'use client';
import { useState } from 'react';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '@/lib/schemas/knowledge';
import type { CopilotTurnResult } from '@/lib/schemas/copilot';
import { useCustomerTickets, useDraftTicketNote } from '@/lib/queries/use-customer-support';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';

const FALLBACK_TEXT = {
  not_configured: null,
  ungrounded:
    'The model’s answer stated figures that are not in this customer’s data, twice; this built-in answer replaces it.',
  model_error: 'The model could not be reached; this built-in answer is composed from the customer’s data.',
} as const;

/** ts_headline marks matched words with [[ ]]: shown as <mark>. */
function Highlighted({ text }: { text: string }) {
  const parts = text.split(HIGHLIGHT_START);
  return (
    <>
      {parts.map((part, i) => {
        if (i === 0) return <span key={i}>{part}</span>;
        const [hit, ...rest] = part.split(HIGHLIGHT_END);
        return (
          <span key={i}>
            <mark className="rounded bg-amber-100 px-0.5">{hit}</mark>
            {rest.join(HIGHLIGHT_END)}
          </span>
        );
      })}
    </>
  );
}

function InsertIntoTicket({ customerId, turn }: { customerId: string; turn: CopilotTurnResult }) {
  const tickets = useCustomerTickets(customerId);
  const draft = useDraftTicketNote(customerId);
  // Open tickets first; a solved ticket can still take a note (the customer may write back).
  const all = tickets.data?.items ?? [];
  const open = [...all.filter((t) => t.status !== 'solved'), ...all.filter((t) => t.status === 'solved')];
  const [ticketId, setTicketId] = useState<string>('');
  const chosen = ticketId || open[0]?.id || '';
  if (draft.isSuccess)
    return (
      <p className="text-xs text-emerald-700" data-testid="note-drafted">
        Draft note added — confirm it on the Tickets card.
      </p>
    );
  if (open.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <select
        aria-label="Ticket to insert into"
        className="max-w-56 rounded-md border border-slate-300 px-2 py-1 text-xs"
        value={chosen}
        onChange={(e) => setTicketId(e.target.value)}
      >
        {open.map((t) => (
          <option key={t.id} value={t.id}>
            {t.subject}
            {t.status === 'solved' ? ' (solved)' : ''}
          </option>
        ))}
      </select>
      <Button
        variant="secondary"
        disabled={!chosen || draft.isPending}
        onClick={() => draft.mutate({ ticketId: chosen, body: turn.answer.text, conversationId: turn.conversationId })}
      >
        Insert into ticket
      </Button>
      {draft.error ? <span className="text-xs text-red-700">{draft.error.message}</span> : null}
    </div>
  );
}

// One checked copilot answer: who wrote it, that its figures were checked, what it cites, any
// injected instructions seen in the data, and "Insert into ticket".
export function CopilotAnswer({ customerId, turn }: { customerId: string; turn: CopilotTurnResult }) {
  const a = turn.answer;
  const fallback = a.fallbackReason ? FALLBACK_TEXT[a.fallbackReason] : null;
  return (
    <div className="flex flex-col gap-2" data-testid="copilot-answer">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={a.source === 'model' ? 'blue' : 'gray'}>{a.label}</Badge>
        <span className="text-xs text-slate-500" data-testid="copilot-grounding">
          {a.unverifiedFigures.length === 0
            ? `Every figure checked against the data (${a.groundedFigures})`
            : `${a.unverifiedFigures.length} figure(s) could not be checked`}
        </span>
      </div>
      {fallback ? <p className="text-xs text-amber-800">{fallback}</p> : null}
      <p className="whitespace-pre-wrap text-sm leading-relaxed text-slate-800">{a.text}</p>
      {a.injections.length ? (
        <p className="rounded-md bg-red-50 px-2 py-1 text-xs text-red-800" data-testid="copilot-injections">
          Ignored instructions found in the customer’s data ({a.injections.length}):{' '}
          {[...new Set(a.injections.map((f) => f.source.split(':')[0].replace(/_/g, ' ')))].join(', ')}
        </p>
      ) : null}
      {a.citations.length ? (
        <ol
          className="flex flex-col gap-1 border-t border-slate-100 pt-2 text-xs text-slate-600"
          data-testid="copilot-citations"
        >
          {a.citations.map((c) => (
            <li key={c.ref}>
              <span className="font-medium">[{c.ref}]</span> {c.title}
              {c.snippet ? (
                <span className="block text-slate-500">
                  <Highlighted text={c.snippet.slice(0, 240)} />
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      <InsertIntoTicket customerId={customerId} turn={turn} />
    </div>
  );
}
