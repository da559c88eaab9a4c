'use client';
import { useState } from 'react';
import { parseMoney, toMajorUnitText } from '@/lib/money';
import { slaPolicyFields } from '@/lib/schemas/sla';
import { useUpdateSlaPolicy, type SlaPolicy } from '@/lib/queries/use-sla-policies';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { bpText, fromLocalInput, parsePercentBp, parseWhole, toLocalInput, type Parsed } from './sla-inputs';

interface TierRow {
  below: string;
  credit: string;
}
interface WindowRow {
  startsAt: string;
  endsAt: string;
  note: string;
}

const Err = ({ children }: { children?: string | null }) =>
  children ? <span className="text-xs font-normal text-red-700">{children}</span> : null;

// Admins edit one plan's SLA: the inputs are strict (percent with two decimals, whole days,
// amounts through lib/money), each field shows its own error, and the server validates again.
export function SlaPolicyForm({ policy, onClose }: { policy: SlaPolicy; onClose: () => void }) {
  const update = useUpdateSlaPolicy();
  const [name, setName] = useState(policy.name);
  const [target, setTarget] = useState(bpText(policy.uptimeTargetBp));
  const [windowDays, setWindowDays] = useState(String(policy.windowDays));
  const [tiers, setTiers] = useState<TierRow[]>(
    policy.creditTiers.map((t) => ({ below: bpText(t.belowBp), credit: String(t.creditPercent) })),
  );
  const [capPercent, setCapPercent] = useState(String(policy.capPercent));
  const [capMinor, setCapMinor] = useState(
    policy.capMinor === null ? '' : toMajorUnitText(policy.capMinor, policy.currency),
  );
  const [windows, setWindows] = useState<WindowRow[]>(
    policy.exclusions.map((w) => ({
      startsAt: toLocalInput(w.startsAt),
      endsAt: toLocalInput(w.endsAt),
      note: w.note,
    })),
  );

  const parsed = {
    target: parsePercentBp(target),
    windowDays: parseWhole(windowDays, 1, 366),
    capPercent: parseWhole(capPercent, 1, 100),
    capMinor:
      capMinor.trim() === '' ? ({ ok: true, value: null } as const) : toParsed(parseMoney(capMinor, policy.currency)),
    tiers: tiers.map((t) => ({ below: parsePercentBp(t.below), credit: parseWhole(t.credit, 1, 100) })),
  };
  const local = [
    parsed.target,
    parsed.windowDays,
    parsed.capPercent,
    parsed.capMinor,
    ...parsed.tiers.flatMap((t) => [t.below, t.credit]),
  ];
  const candidate = local.every((p) => p.ok)
    ? slaPolicyFields.safeParse({
        name,
        uptimeTargetBp: value(parsed.target),
        windowDays: value(parsed.windowDays),
        creditTiers: parsed.tiers.map((t) => ({ belowBp: value(t.below), creditPercent: value(t.credit) })),
        capPercent: value(parsed.capPercent),
        capMinor: parsed.capMinor.ok ? parsed.capMinor.value : null,
        exclusions: windows.map((w) => ({
          startsAt: fromLocalInput(w.startsAt),
          endsAt: fromLocalInput(w.endsAt),
          note: w.note,
        })),
      })
    : null;
  const issue = (...path: (string | number)[]) =>
    candidate && !candidate.success
      ? (candidate.error.issues.find((i) => i.path.join('.') === path.join('.'))?.message ?? null)
      : null;
  const msg = (p: Parsed | { ok: true; value: null }) => (p.ok ? null : p.message);
  const valid = candidate?.success === true;

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={`SLA: ${policy.planName ?? policy.name}`}
      description="Applies to incidents assessed from now on; credits already drafted keep their calculation. Audited."
    >
      <form
        className="grid grid-cols-2 gap-3 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          if (candidate?.success) update.mutate({ id: policy.id, fields: candidate.data }, { onSuccess: onClose });
        }}
      >
        <label className="col-span-2 flex flex-col gap-1 font-medium text-slate-700">
          Name
          <Input value={name} onChange={(e) => setName(e.target.value)} />
          <Err>{issue('name')}</Err>
        </label>
        <label className="flex flex-col gap-1 font-medium text-slate-700">
          Uptime target (%)
          <Input
            inputMode="decimal"
            value={target}
            aria-invalid={!parsed.target.ok}
            onChange={(e) => setTarget(e.target.value)}
          />
          <Err>{msg(parsed.target) ?? issue('uptimeTargetBp')}</Err>
        </label>
        <label className="flex flex-col gap-1 font-medium text-slate-700">
          Measurement window (days)
          <Input inputMode="numeric" value={windowDays} onChange={(e) => setWindowDays(e.target.value)} />
          <Err>{msg(parsed.windowDays) ?? issue('windowDays')}</Err>
        </label>
        <fieldset className="col-span-2 flex flex-col gap-2">
          <legend className="mb-1 font-medium text-slate-700">Credit tiers (uptime below → credit of the fee)</legend>
          {tiers.map((t, i) => (
            <div key={i} className="flex items-start gap-2" data-testid="sla-tier">
              <label className="flex flex-col gap-1">
                <span className="sr-only">Below (%)</span>
                <Input
                  aria-label={`Tier ${i + 1} below (%)`}
                  inputMode="decimal"
                  value={t.below}
                  onChange={(e) => setTiers(tiers.map((x, j) => (j === i ? { ...x, below: e.target.value } : x)))}
                />
                <Err>{msg(parsed.tiers[i]!.below) ?? issue('creditTiers', i, 'belowBp')}</Err>
              </label>
              <label className="flex flex-col gap-1">
                <span className="sr-only">Credit (%)</span>
                <Input
                  aria-label={`Tier ${i + 1} credit (%)`}
                  inputMode="numeric"
                  value={t.credit}
                  onChange={(e) => setTiers(tiers.map((x, j) => (j === i ? { ...x, credit: e.target.value } : x)))}
                />
                <Err>{msg(parsed.tiers[i]!.credit)}</Err>
              </label>
              <Button type="button" variant="ghost" onClick={() => setTiers(tiers.filter((_, j) => j !== i))}>
                Remove
              </Button>
            </div>
          ))}
          <Err>{issue('creditTiers')}</Err>
          <Button
            type="button"
            variant="secondary"
            className="self-start"
            onClick={() => setTiers([...tiers, { below: target, credit: '10' }])}
          >
            Add tier
          </Button>
        </fieldset>
        <label className="flex flex-col gap-1 font-medium text-slate-700">
          Cap (% of the fee)
          <Input inputMode="numeric" value={capPercent} onChange={(e) => setCapPercent(e.target.value)} />
          <Err>{msg(parsed.capPercent)}</Err>
        </label>
        <label className="flex flex-col gap-1 font-medium text-slate-700">
          Cap per incident ({policy.currency.toUpperCase()})
          <Input
            inputMode="decimal"
            placeholder="no cap"
            value={capMinor}
            onChange={(e) => setCapMinor(e.target.value)}
          />
          <Err>{msg(parsed.capMinor) ?? issue('capMinor')}</Err>
        </label>
        <fieldset className="col-span-2 flex flex-col gap-2">
          <legend className="mb-1 font-medium text-slate-700">Maintenance windows (never downtime)</legend>
          {windows.map((w, i) => (
            <div key={i} className="flex flex-wrap items-start gap-2">
              <Input
                type="datetime-local"
                aria-label={`Window ${i + 1} start`}
                value={w.startsAt}
                onChange={(e) => setWindows(windows.map((x, j) => (j === i ? { ...x, startsAt: e.target.value } : x)))}
              />
              <div className="flex flex-col gap-1">
                <Input
                  type="datetime-local"
                  aria-label={`Window ${i + 1} end`}
                  value={w.endsAt}
                  onChange={(e) => setWindows(windows.map((x, j) => (j === i ? { ...x, endsAt: e.target.value } : x)))}
                />
                <Err>{issue('exclusions', i, 'endsAt') ?? issue('exclusions', i, 'startsAt')}</Err>
              </div>
              <Input
                placeholder="note"
                value={w.note}
                onChange={(e) => setWindows(windows.map((x, j) => (j === i ? { ...x, note: e.target.value } : x)))}
              />
              <Button type="button" variant="ghost" onClick={() => setWindows(windows.filter((_, j) => j !== i))}>
                Remove
              </Button>
            </div>
          ))}
          <Button
            type="button"
            variant="secondary"
            className="self-start"
            onClick={() => setWindows([...windows, { startsAt: '', endsAt: '', note: '' }])}
          >
            Add maintenance window
          </Button>
        </fieldset>
        {update.error ? <p className="col-span-2 text-red-700">{update.error.message}</p> : null}
        <div className="col-span-2 flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={!valid || update.isPending}>
            Save SLA
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function toParsed(m: ReturnType<typeof parseMoney>): Parsed {
  return m.ok ? { ok: true, value: m.minor } : { ok: false, message: m.message };
}
const value = (p: Parsed) => (p.ok ? p.value : 0);
