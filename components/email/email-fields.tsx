'use client';
import { useDeferredValue } from 'react';
import { Input } from '@/components/ui/input';
import { EmailPreview } from './email-preview';

// Subject and body of an e-mail draft, with the rendered result at phone width as you type (the
// template, its facts and the recipient stay as drafted; the JSON of a revision shows them).
export function EmailFields(props: {
  subject: string;
  body: string;
  onSubject: (v: string) => void;
  onBody: (v: string) => void;
  payload: Record<string, unknown>;
  customerId: string | null;
}) {
  const payload = useDeferredValue(props.payload);
  return (
    <>
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        Subject
        <Input name="subject" value={props.subject} onChange={(e) => props.onSubject(e.target.value)} autoFocus />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        Body (a blank line starts a new paragraph)
        <textarea
          name="body"
          value={props.body}
          onChange={(e) => props.onBody(e.target.value)}
          rows={6}
          className="rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
      </label>
      <EmailPreview payload={payload} customerId={props.customerId} initialView="mobile" height={360} />
    </>
  );
}
