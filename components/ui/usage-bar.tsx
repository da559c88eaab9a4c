import { cn } from './cn';

// A compact utilisation bar: green under 80 %, amber to 100 %, red above.
export function UsageBar({ ratio, label }: { ratio: number | null; label: string }) {
  const pct = ratio === null ? 0 : Math.min(ratio, 1) * 100;
  const tone =
    ratio === null ? 'bg-slate-300' : ratio >= 1 ? 'bg-red-500' : ratio >= 0.8 ? 'bg-amber-500' : 'bg-emerald-500';
  return (
    <div className="w-full" title={label}>
      <div
        className="h-1.5 w-full overflow-hidden rounded-full bg-slate-100"
        role="meter"
        aria-label={label}
        aria-valuenow={Math.round((ratio ?? 0) * 100)}
        aria-valuemin={0}
        aria-valuemax={100}
      >
        <div className={cn('h-full rounded-full', tone)} style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
