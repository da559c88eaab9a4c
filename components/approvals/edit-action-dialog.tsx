'use client';
import { formatMoney, parseMoney, toMajorUnitText } from '@/lib/money';
import { fieldErrors } from '@/lib/queries/field-errors';
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
  /** The last save's error; its field issues are shown beside the fields. */
  error: Error | null;
  saving: boolean;
}

// Fields the typed editors show; a server issue on any other path is listed under the form.
const FIELDS = ['amountMinor', 'memo', 'subject', 'body', 'note'] as const;

// Edits the current revision's parameters. Kinds whose editor is `amount_memo` (credits) get typed
// fields (amount in the currency's major unit, memo); e-mails edit subject and body beside a live
// preview; the others edit their parameters as JSON,
// validated by the server.
export function EditActionDialog({ action, open, onOpenChange, onSave, error, saving }: Props) {
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
  const server = fieldErrors(error, FIELDS, 'payload');
  const parsedAmount = isCredit ? parseMoney(amount, currency) : null;
  const { maxAmountPerAction: cap, dualApprovalAbove: dual } = action.policy;
  const usd = (minor: number) => formatMoney(minor, 'usd');

  function submit() {
    if (saving) return;
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
                aria-invalid={parsedAmount?.ok === false || Boolean(server.byField.amountMinor)}
                aria-describedby="amount-help"
                onChange={(e) => setAmount(e.target.value)}
                autoFocus
              />
              <span id="amount-help" className="text-xs font-normal text-slate-500" data-testid="amount-cap">
                {cap !== null ? `Policy cap ${usd(cap)} per action` : 'No per-action cap in the policy'}
                {dual !== null ? ` · two approvers above ${usd(dual)}` : ''}
              </span>
              <AmountNote parsed={parsedAmount} cap={cap} dual={dual} serverError={server.byField.amountMinor} />
            </label>
            <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
              Memo
              <Input
                name="memo"
                value={memo}
                aria-invalid={Boolean(server.byField.memo)}
                onChange={(e) => setMemo(e.target.value)}
              />
              <FieldError text={server.byField.memo} />
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
          <FieldError text={server.byField.note} />
        </label>
        {localError || server.message || server.rest.length ? (
          <div className="text-sm text-red-700" data-testid="edit-error">
            {localError ?? server.message}
            {server.rest.length ? (
              <ul className="list-disc pl-5">
                {server.rest.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" disabled={saving} aria-busy={saving}>
            {saving ? 'Saving…' : 'Save revision'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function FieldError({ text }: { text: string | undefined }) {
  return text ? <span className="text-xs font-normal text-red-700">{text}</span> : null;
}

// What the typed amount means before saving: why it cannot be read, or what the policy will
// require for it (an amount above the cap is saved, but never approved by autopilot).
function AmountNote({
  parsed,
  cap,
  dual,
  serverError,
}: {
  parsed: ReturnType<typeof parseMoney> | null;
  cap: number | null;
  dual: number | null;
  serverError: string | undefined;
}) {
  if (serverError) return <FieldError text={serverError} />;
  if (!parsed) return null;
  if (!parsed.ok) return <FieldError text={parsed.message} />;
  if (cap !== null && parsed.minor > cap)
    return (
      <span className="text-xs font-normal text-amber-700" data-testid="amount-over-cap">
        Above the policy cap of {formatMoney(cap, 'usd')}: a person must approve it, never autopilot
        {dual !== null && parsed.minor > dual ? ', and it needs two approvers' : ''}.
      </span>
    );
  if (dual !== null && parsed.minor > dual)
    return <span className="text-xs font-normal text-amber-700">Needs two approvers at this amount.</span>;
  return null;
}
