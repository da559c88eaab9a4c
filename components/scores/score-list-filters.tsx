'use client';
import type { ScoreListParams } from '@/lib/queries/use-scores';
import { Input, Select } from '@/components/ui/input';

export type ScoreFilters = Omit<ScoreListParams, 'limit' | 'offset'>;

const PLANS = [
  ['starter', 'Starter'],
  ['growth', 'Growth'],
  ['scale', 'Scale'],
  ['enterprise', 'Enterprise'],
] as const;

// Search, plan, owner, score threshold and sort of the Expansion page's lists.
export function ScoreListFilters({ value, onChange }: { value: ScoreFilters; onChange: (f: ScoreFilters) => void }) {
  const set = (patch: Partial<ScoreFilters>) => onChange({ ...value, ...patch });
  const worstFirst = value.list === 'health';
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Input
        aria-label="Search customers"
        placeholder="Search by name or e-mail"
        value={value.q ?? ''}
        onChange={(e) => set({ q: e.target.value })}
        className="w-64"
      />
      <Select aria-label="Plan" value={value.plan ?? ''} onChange={(e) => set({ plan: e.target.value || undefined })}>
        <option value="">All plans</option>
        {PLANS.map(([k, label]) => (
          <option key={k} value={k}>
            {label}
          </option>
        ))}
      </Select>
      <Input
        aria-label="Owner"
        placeholder="Owner"
        value={value.owner ?? ''}
        onChange={(e) => set({ owner: e.target.value || undefined })}
        className="w-40"
      />
      <Select
        aria-label="Score threshold"
        value={value.threshold === undefined ? '' : String(value.threshold)}
        onChange={(e) => set({ threshold: e.target.value === '' ? undefined : Number(e.target.value) })}
      >
        <option value="">Any score</option>
        {(worstFirst ? [40, 60] : [50, 70, 85]).map((t) => (
          <option key={t} value={t}>
            {worstFirst ? `Score ≤ ${t}` : `Score ≥ ${t}`}
          </option>
        ))}
      </Select>
      <Select
        aria-label="Sort"
        value={value.sort}
        onChange={(e) => set({ sort: e.target.value as ScoreFilters['sort'] })}
      >
        <option value="score">{worstFirst ? 'Lowest score first' : 'Highest score first'}</option>
        <option value="mrr">Highest MRR first</option>
        <option value="headroom">Most headroom used first</option>
        <option value="crossing">Soonest forecast crossing first</option>
        <option value="name">Name</option>
      </Select>
    </div>
  );
}
