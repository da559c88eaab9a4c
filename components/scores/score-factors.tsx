import type { ScorecardView } from '@/lib/schemas/scores';

// A scorecard's factors: each one's contribution out of its ceiling, as a bar, with the signal
// in words. The contributions add up to the score.
export function ScoreFactors({ card, compact = false }: { card: ScorecardView; compact?: boolean }) {
  const factors = compact ? [...card.factors].sort((a, b) => b.points - a.points).slice(0, 3) : card.factors;
  return (
    <ul className="flex flex-col gap-1.5" data-testid="score-factors">
      {factors.map((f) => (
        <li key={f.key} className="text-xs">
          <div className="flex justify-between gap-2">
            <span className="font-medium text-slate-700">{f.label}</span>
            <span className="tabular-nums text-slate-500">
              {f.points} / {f.maxPoints}
            </span>
          </div>
          <div className="mt-0.5 h-1.5 rounded bg-slate-100" aria-hidden>
            <div className="h-1.5 rounded bg-brand-500" style={{ width: `${(f.points / f.maxPoints) * 100}%` }} />
          </div>
          {compact ? null : <div className="mt-0.5 text-slate-500">{f.detail}</div>}
        </li>
      ))}
    </ul>
  );
}
