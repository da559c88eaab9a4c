'use client';
import { useState, type FormEvent } from 'react';
import type { CreatePlanInput, MeterView, PlanLimitInput, StripePriceView } from '@/lib/schemas/catalog';
import { parseMoney, toMajorUnitText } from '@/lib/money';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { fieldErrors } from './field-errors';

const INTERVALS = ['day', 'week', 'month', 'year'] as const;

function Field({ label, error, children }: { label: string; error?: string; children: React.ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
      {label}
      {children}
      {error ? (
        <span className="font-normal text-red-700" role="alert">
          {error}
        </span>
      ) : null}
    </label>
  );
}

// Create or edit a plan: its Stripe base price, amount, interval, entitlement fail mode and one
// limit per meter (included, hard limit, overage price and the metered Stripe price). The server
// validates again; its field errors are shown beside the fields they name.
export function PlanForm({
  initial,
  meters,
  prices,
  keyLocked,
  submitLabel,
  pending,
  error,
  onSubmit,
}: {
  initial: CreatePlanInput;
  meters: MeterView[];
  prices: StripePriceView[];
  keyLocked?: boolean;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: CreatePlanInput) => void;
}) {
  const [limits, setLimits] = useState<PlanLimitInput[]>(initial.limits);
  const [moneyError, setMoneyError] = useState<string | null>(null);
  const errors = fieldErrors(error);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const currency = String(f.get('currency') ?? '')
      .trim()
      .toLowerCase();
    const base = parseMoney(String(f.get('basePrice') ?? ''), currency.length === 3 ? currency : 'usd');
    if (!base.ok) return setMoneyError(base.message);
    setMoneyError(null);
    onSubmit({
      key: String(f.get('key') ?? ''),
      name: String(f.get('name') ?? ''),
      externalId: String(f.get('externalId') ?? '') || null,
      currency,
      basePriceMinor: base.minor,
      interval: f.get('interval') as CreatePlanInput['interval'],
      rank: Number(f.get('rank') ?? 0),
      entitlementFailMode: f.get('entitlementFailMode') === 'closed' ? 'closed' : 'open',
      limits,
    });
  }

  const setLimit = (i: number, patch: Partial<PlanLimitInput>) =>
    setLimits((all) => all.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const licensed = prices.filter((p) => p.usageType !== 'metered');
  const metered = prices.filter((p) => p.usageType === 'metered');

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-label="Plan">
      <div className="grid grid-cols-2 gap-3">
        <Field label="Name" error={errors.name}>
          <Input name="name" defaultValue={initial.name} required maxLength={100} />
        </Field>
        <Field label="Key" error={errors.key}>
          <Input name="key" defaultValue={initial.key} required readOnly={keyLocked} />
        </Field>
        <Field label="Stripe base price" error={errors.externalId}>
          <Input
            name="externalId"
            defaultValue={initial.externalId ?? ''}
            list="licensed-prices"
            placeholder="price_…"
          />
          <datalist id="licensed-prices">
            {licensed.map((p) => (
              <option key={p.externalId} value={p.externalId}>
                {[p.productName, p.nickname, p.interval].filter(Boolean).join(' · ')}
              </option>
            ))}
          </datalist>
        </Field>
        <Field label="Currency" error={errors.currency}>
          <Input name="currency" defaultValue={initial.currency} required maxLength={3} />
        </Field>
        <Field label="Base price per interval" error={moneyError ?? errors.basePriceMinor}>
          <Input name="basePrice" defaultValue={toMajorUnitText(initial.basePriceMinor, initial.currency)} required />
        </Field>
        <Field label="Interval" error={errors.interval}>
          <Select name="interval" defaultValue={initial.interval}>
            {INTERVALS.map((i) => (
              <option key={i}>{i}</option>
            ))}
          </Select>
        </Field>
        <Field label="Rank (upgrade order)" error={errors.rank}>
          <Input name="rank" type="number" min={0} defaultValue={initial.rank} />
        </Field>
        <Field label="When the database is unreachable, entitlement checks…" error={errors.entitlementFailMode}>
          <Select name="entitlementFailMode" defaultValue={initial.entitlementFailMode}>
            <option value="open">allow (fail open)</option>
            <option value="closed">refuse (fail closed)</option>
          </Select>
        </Field>
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="text-xs font-semibold text-slate-700">Meter limits</legend>
        {errors.limits ? <p className="text-xs text-red-700">{errors.limits}</p> : null}
        {limits.map((limit, i) => (
          <div
            key={i}
            className="grid grid-cols-[1fr_6rem_6rem_6rem_1fr_auto] items-start gap-2"
            data-testid={`limit-${i}`}
          >
            <Field label="Meter" error={errors[`limits.${i}.meterId`]}>
              <Select value={limit.meterId} onChange={(e) => setLimit(i, { meterId: e.target.value })}>
                <option value="">—</option>
                {meters.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.key}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Included" error={errors[`limits.${i}.includedQuantity`]}>
              <Input
                value={limit.includedQuantity}
                onChange={(e) => setLimit(i, { includedQuantity: e.target.value })}
              />
            </Field>
            <Field label="Hard limit" error={errors[`limits.${i}.hardLimit`]}>
              <Input
                value={limit.hardLimit ?? ''}
                placeholder="none"
                onChange={(e) => setLimit(i, { hardLimit: e.target.value || null })}
              />
            </Field>
            <Field label="Overage (minor/unit)" error={errors[`limits.${i}.overageUnitPrice`]}>
              <Input
                value={limit.overageUnitPrice}
                onChange={(e) => setLimit(i, { overageUnitPrice: e.target.value })}
              />
            </Field>
            <Field label="Metered Stripe price" error={errors[`limits.${i}.priceExternalId`]}>
              <Select
                value={limit.priceExternalId ?? ''}
                onChange={(e) => setLimit(i, { priceExternalId: e.target.value || null })}
              >
                <option value="">—</option>
                {metered.map((p) => (
                  <option key={p.externalId} value={p.externalId}>
                    {p.externalId} {p.productName ? `(${p.productName})` : ''}
                  </option>
                ))}
              </Select>
            </Field>
            <Button
              type="button"
              variant="ghost"
              className="mt-5"
              onClick={() => setLimits((all) => all.filter((_, j) => j !== i))}
              aria-label="Remove limit"
            >
              ✕
            </Button>
          </div>
        ))}
        <div>
          <Button
            type="button"
            variant="secondary"
            disabled={!meters.length}
            onClick={() =>
              setLimits((all) => [
                ...all,
                {
                  meterId: '',
                  includedQuantity: '0',
                  hardLimit: null,
                  overageUnitPrice: '0',
                  overagePackageSize: 1,
                  priceExternalId: null,
                },
              ])
            }
          >
            Add meter limit
          </Button>
        </div>
      </fieldset>
      {error && !Object.keys(errors).length ? <p className="text-sm text-red-700">{(error as Error).message}</p> : null}
      {Object.keys(errors).length ? <p className="text-sm text-red-700">Check the highlighted fields.</p> : null}
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
