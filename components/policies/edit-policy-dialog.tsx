'use client';
import { parseMoney, toMajorUnitText } from '@/lib/money';
import { useState } from 'react';
import type { z } from 'zod';
import type { policyView } from '@/lib/schemas/policies';
import { useUpdatePolicy } from '@/lib/queries/use-lists';
import { fieldErrors } from '@/lib/queries/field-errors';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Input, Select } from '@/components/ui/input';
import { kindLabel } from '@/lib/schemas/action-kinds';

type Policy = z.infer<typeof policyView>;
// Policy caps are kept in the console's currency.
const CAP_CURRENCY = 'usd';
const toMajor = (v: number | null) => (v === null ? '' : toMajorUnitText(v, CAP_CURRENCY));
// An empty field means "no limit"; anything else must be an amount, never silently "no limit".
const FIELDS = [
  'maxAmountPerAction',
  'maxAmountPerCustomerMonth',
  'dualApprovalAbove',
  'reviewWindowHours',
  'approverRoles',
] as const;
type Field = (typeof FIELDS)[number];
const toMinor = (v: string) => (v.trim() === '' ? ({ ok: true, minor: null } as const) : parseMoney(v, CAP_CURRENCY));

// Admins change a policy; the server validates and enforces it. Amounts are entered in dollars.
export function EditPolicyDialog({ policy, onClose }: { policy: Policy; onClose: () => void }) {
  const update = useUpdatePolicy();
  const [mode, setMode] = useState(policy.mode);
  const [perAction, setPerAction] = useState(toMajor(policy.maxAmountPerAction));
  const [perMonth, setPerMonth] = useState(toMajor(policy.maxAmountPerCustomerMonth));
  const [dual, setDual] = useState(toMajor(policy.dualApprovalAbove));
  const [hours, setHours] = useState(String(policy.reviewWindowHours));
  const [roles, setRoles] = useState<string[]>(policy.approverRoles.filter((r) => r !== 'support'));

  const caps = { perAction: toMinor(perAction), perMonth: toMinor(perMonth), dual: toMinor(dual) };
  const invalid = Object.values(caps).some((c) => !c.ok);
  const minorOf = (c: (typeof caps)['dual']) => (c.ok ? c.minor : null);
  const save = () =>
    update.mutate(
      {
        kind: policy.actionKind,
        mode,
        maxAmountPerAction: minorOf(caps.perAction),
        maxAmountPerCustomerMonth: minorOf(caps.perMonth),
        dualApprovalAbove: minorOf(caps.dual),
        reviewWindowHours: Number(hours),
        approverRoles: roles,
      },
      { onSuccess: onClose },
    );
  const server = fieldErrors(update.error, FIELDS);
  const fieldError = (field: Field) =>
    server.byField[field] ? <span className="text-xs font-normal text-red-700">{server.byField[field]}</span> : null;
  const money = (label: string, field: Field, value: string, set: (v: string) => void) => {
    const parsed = toMinor(value);
    return (
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        {label}
        <Input
          inputMode="decimal"
          placeholder="no limit"
          value={value}
          aria-invalid={!parsed.ok}
          onChange={(e) => set(e.target.value)}
        />
        {!parsed.ok ? <span className="text-xs font-normal text-red-700">{parsed.message}</span> : fieldError(field)}
      </label>
    );
  };
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={`Policy: ${kindLabel(policy.actionKind)}`}
      description="What agents may do with this kind of action. Changes apply to new drafts and decisions at once and are audited."
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!invalid) save();
        }}
        className="grid grid-cols-2 gap-3"
      >
        <label className="col-span-2 flex flex-col gap-1 text-sm font-medium text-slate-700">
          Mode
          <Select value={mode} onChange={(e) => setMode(e.target.value as Policy['mode'])}>
            <option value="off">Off — agents do nothing</option>
            <option value="observe">Observe — record decisions, draft nothing</option>
            <option value="assist">Assist — draft for approval</option>
            <option value="autopilot">Autopilot — execute under the caps</option>
          </Select>
        </label>
        {money('Cap per action ($)', 'maxAmountPerAction', perAction, setPerAction)}
        {money('Cap per customer per month ($)', 'maxAmountPerCustomerMonth', perMonth, setPerMonth)}
        {money('Dual approval above ($)', 'dualApprovalAbove', dual, setDual)}
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          Review window (hours)
          <Input type="number" min={1} value={hours} onChange={(e) => setHours(e.target.value)} />
          {fieldError('reviewWindowHours')}
        </label>
        <fieldset className="col-span-2 flex gap-4 text-sm">
          <legend className="mb-1 font-medium text-slate-700">Who may approve</legend>
          {(['revops', 'admin'] as const).map((r) => (
            <label key={r} className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={roles.includes(r)}
                onChange={() => setRoles((x) => (x.includes(r) ? x.filter((y) => y !== r) : [...x, r]))}
              />
              {r}
            </label>
          ))}
          {fieldError('approverRoles')}
        </fieldset>
        {server.message || server.rest.length ? (
          <p className="col-span-2 text-sm text-red-700" data-testid="policy-error">
            {[server.message, ...server.rest].filter(Boolean).join(' · ')}
          </p>
        ) : null}
        <div className="col-span-2 flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={update.isPending || invalid}>
            Save policy
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
