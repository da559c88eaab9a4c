import type { MeterUsage } from '@/lib/schemas/customers';
import { formatCompact, formatPercent } from '@/lib/format';
import { UsageBar } from '@/components/ui/usage-bar';

export function UsageCell({ usage }: { usage: MeterUsage | undefined }) {
  if (!usage) return <span className="text-slate-500">—</span>;
  const label = `${usage.meterName}: ${formatCompact(usage.used)} of ${usage.included === null ? 'unlimited' : formatCompact(usage.included)} ${usage.unit}`;
  return (
    <div className="min-w-28">
      <div className="mb-1 flex justify-between gap-2 text-xs tabular-nums">
        <span className="text-slate-700">
          {formatCompact(usage.used)}
          <span className="text-slate-500"> / {usage.included === null ? '∞' : formatCompact(usage.included)}</span>
        </span>
        {usage.utilisation !== null ? (
          <span
            className={
              usage.utilisation >= 1
                ? 'font-semibold text-red-600'
                : usage.utilisation >= 0.8
                  ? 'font-semibold text-amber-700'
                  : 'text-slate-500'
            }
          >
            {formatPercent(usage.utilisation)}
          </span>
        ) : null}
      </div>
      <UsageBar ratio={usage.utilisation} label={label} />
    </div>
  );
}
