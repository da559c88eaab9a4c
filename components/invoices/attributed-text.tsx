'use client';
import { Fragment, useId, useState } from 'react';
import type { AttributedText } from '@/lib/schemas/invoices';
import { cn } from '@/components/ui/cn';

type Segment = AttributedText['segments'][number];

// A number in an explanation, with its source on hover or focus: the fact it states and that
// fact's value ("meter.api_calls.amount = $1,234.50"). Every number the writers state was checked
// against the invoice data; one that was not found is marked instead.
function FactNumber({ segment }: { segment: Segment }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const verified = Boolean(segment.factId);
  return (
    <span className="relative inline-block" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <span
        tabIndex={0}
        data-testid="fact-number"
        data-fact-id={segment.factId ?? ''}
        aria-describedby={open ? id : undefined}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        className={cn(
          'cursor-help rounded-sm underline underline-offset-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500',
          verified ? 'decoration-slate-400 decoration-dotted' : 'decoration-red-500 decoration-wavy',
        )}
      >
        {segment.text}
      </span>
      {open ? (
        <span
          role="tooltip"
          id={id}
          data-testid="fact-tooltip"
          className="absolute bottom-full left-1/2 z-20 mb-1 w-max max-w-xs -translate-x-1/2 rounded-md bg-slate-900 px-2 py-1 text-left text-xs font-normal leading-snug text-white shadow-lg"
        >
          <span className="block font-mono">{segment.source}</span>
          {segment.label ? <span className="block text-slate-300">{segment.label}</span> : null}
        </span>
      ) : null}
    </span>
  );
}

export function AttributedTextView({ value }: { value: AttributedText }) {
  return (
    <>
      {value.segments.map((s, i) =>
        s.factId === undefined ? <Fragment key={i}>{s.text}</Fragment> : <FactNumber key={i} segment={s} />,
      )}
    </>
  );
}
