'use client';
import { parseMoney, toMajorUnitText } from '@/lib/money';
import { useState } from 'react';
import { ACTION_KINDS } from '@/lib/schemas/action-kinds';
import type { ActionDetail } from '@/lib/schemas/actions';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { EmailFields } from '@/components/email/email-fields';

interface Props {
  action: ActionDetail;
  open: boolean;
  onOpenChange: (o: boolean) => void;
  onSave: (payload: Record<string, unknown>, note: string) => void;
  error: string | null;
}

// Edits the current revision's parameters. Kinds whose editor is `amount_memo` (credits) get typed
// fields (amount in the currency's major unit, memo); e-mails edit subject and body beside a live
// preview; the others edit their parameters as JSON,
// validated by the server.
export function EditActionDialog({ action, open, onOpenChange, onSave, error }: Props) {
  const current = action.revisions.at(-1)!.payload as Record<string, unknown>;
  const editor = ACTION_KINDS[action.kind].editor;
  const isCredit = editor === 'amount_memo';
  const isEmail = editor === 'email';
  const currency = String(current.currency ?? 'usd');
  const [amount, setAmount] = useState(isCredit ? toMajorUnitText(Number(current.amountMinor), currency) : '');
  const [memo, setMemo] = useState(String(current.memo ?? ''));
  const [json, setJson] = useState(JSON.stringify(current, null, 2));
  const [subject, setSubject] = useState(String(current.subject ?? ''));
  const [body, setBody] = useState(String(current.body ?? ''));
  const [note, setNote] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);

  function submit() {
    setLocalError(null);
    if (isCredit) {
      const parsed = parseMoney(amount, currency);
      if (!parsed.ok) return setLocalError(parsed.message);
      if (parsed.minor <= 0) return setLocalError('Enter a positive amount');
      return onSave({ ...current, amountMinor: parsed.minor, memo }, note);
    }
    if (isEmail) return onSave({ ...current, subject, body }, note);
    try {
      onSave(JSON.parse(json) as Record<string, unknown>, note);
    } catch {
      setLocalError('The parameters are not valid JSON');
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Edit: ${action.title}`}
      description={`Saving creates revision ${action.currentRevision + 1}; revision ${action.currentRevision} stays on record.`}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        className="flex flex-col gap-3"
      >
        {isCredit ? (
          <>
            <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
              Amount ({String(current.currency ?? 'usd').toUpperCase()})
              <Input
                name="amount"
                inputMode="decimal"
                value={amount}
                onChange={(e) => setAmount(e.target.value)}
                autoFocus
              />
            </label>
            <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
              Memo
              <Input name="memo" value={memo} onChange={(e) => setMemo(e.target.value)} />
            </label>
          </>
        ) : isEmail ? (
          <EmailFields
            subject={subject}
            body={body}
            onSubject={setSubject}
            onBody={setBody}
            payload={{ ...current, subject, body }}
            customerId={action.customer?.id ?? null}
          />
        ) : (
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
            Parameters
            <textarea
              value={json}
              onChange={(e) => setJson(e.target.value)}
              rows={10}
              className="rounded-md border border-slate-300 px-3 py-2 font-mono text-xs"
            />
          </label>
        )}
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          Note for reviewers (optional)
          <Input name="note" value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        {localError || error ? (
          <p className="text-sm text-red-700" data-testid="edit-error">
            {localError ?? error}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit">Save revision</Button>
        </div>
      </form>
    </Dialog>
  );
}
