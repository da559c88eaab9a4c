'use client';
import { useState, type FormEvent } from 'react';
import { useAskCopilot } from '@/lib/queries/use-copilot';
import type { CopilotTurnResult } from '@/lib/schemas/copilot';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { CopilotAnswer } from './copilot-answer';

const SUGGESTIONS = [
  'Why is my invoice higher this month?',
  'Why did the last payment fail?',
  'Are they getting API errors?',
];

// The support copilot for the customer in view. It only reads this customer's data; every figure
// in an answer is checked against what its tools returned before the answer is shown as final.
export function CopilotPanel({ customerId, className }: { customerId: string; className?: string }) {
  const ask = useAskCopilot(customerId);
  const [question, setQuestion] = useState('');
  const [turns, setTurns] = useState<Array<{ question: string; result: CopilotTurnResult }>>([]);
  const [pendingQuestion, setPendingQuestion] = useState<string | null>(null);
  const conversationId = turns.at(-1)?.result.conversationId;

  const send = (q: string) => {
    const text = q.trim();
    if (!text || ask.isPending) return;
    setPendingQuestion(text);
    setQuestion('');
    ask.mutate(
      { question: text, conversationId },
      {
        onSuccess: (result) => setTurns((t) => [...t, { question: text, result }]),
        onSettled: () => setPendingQuestion(null),
      },
    );
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    send(question);
  };

  return (
    <Card title="Support copilot" className={className}>
      <div className="flex flex-col gap-4" data-testid="copilot-panel">
        {turns.length === 0 && !pendingQuestion ? (
          <div className="flex flex-col gap-2 text-sm text-slate-600">
            <p>
              Ask about this customer’s plan, usage, invoices, payments, API errors or tickets. The copilot only reads.
            </p>
            <div className="flex flex-wrap gap-2">
              {SUGGESTIONS.map((s) => (
                <button
                  key={s}
                  type="button"
                  className="rounded-full border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50"
                  onClick={() => send(s)}
                >
                  {s}
                </button>
              ))}
            </div>
          </div>
        ) : null}
        <ol className="flex flex-col gap-4">
          {turns.map((t) => (
            <li key={t.result.turn} className="flex flex-col gap-2">
              <p className="self-end rounded-lg bg-brand-50 px-3 py-1.5 text-sm text-brand-900">{t.question}</p>
              <CopilotAnswer customerId={customerId} turn={t.result} />
            </li>
          ))}
          {pendingQuestion ? (
            <li className="flex flex-col gap-2">
              <p className="self-end rounded-lg bg-brand-50 px-3 py-1.5 text-sm text-brand-900">{pendingQuestion}</p>
              <div role="status" className="text-xs text-slate-500">
                {ask.draft ? 'Draft — checking every figure…' : 'Reading the customer’s data…'}
              </div>
              {ask.draft ? (
                <p className="whitespace-pre-wrap text-sm text-slate-500" data-testid="copilot-draft">
                  {ask.draft}
                </p>
              ) : null}
            </li>
          ) : null}
        </ol>
        {ask.error ? (
          <p className="rounded-md bg-red-50 px-2 py-1 text-sm text-red-800" data-testid="copilot-error">
            {ask.error.message}
          </p>
        ) : null}
        <form onSubmit={onSubmit} className="flex flex-col gap-2" aria-label="Ask the copilot">
          <textarea
            aria-label="Question for the copilot"
            className="min-h-16 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            placeholder="e.g. Why is my invoice higher this month?"
            value={question}
            maxLength={2000}
            onChange={(e) => setQuestion(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                send(question);
              }
            }}
          />
          <div className="flex items-center justify-between">
            {turns.length ? (
              <button type="button" className="text-xs text-slate-500 hover:underline" onClick={() => setTurns([])}>
                New conversation
              </button>
            ) : (
              <span />
            )}
            <Button type="submit" disabled={ask.isPending || !question.trim()}>
              Ask
            </Button>
          </div>
        </form>
      </div>
    </Card>
  );
}
