'use client';
import type { AuditFilters } from '@/lib/queries/use-audit';
import { useAuditFacets } from '@/lib/queries/use-audit';
import { Input, Select } from '@/components/ui/input';

const label = 'flex flex-col gap-1 text-xs font-medium text-slate-600';

// The audit page's filters: who (people by name, agents by title), what (an action name or
// prefix, with the recent names suggested), which customer, and a date range.
export function AuditFilterFields({ value, onChange }: { value: AuditFilters; onChange: (f: AuditFilters) => void }) {
  const facets = useAuditFacets();
  const set = (patch: Partial<AuditFilters>) => onChange({ ...value, ...patch });
  const actors = facets.data?.actors ?? [];
  // A linked actor the list does not know (a deleted user) still shows as selected.
  const knownActor = !value.actorId || actors.some((a) => a.actorId === value.actorId);
  return (
    <>
      <label className={label}>
        Actor
        <Select
          value={value.actorId ?? ''}
          onChange={(e) => set({ actorId: e.target.value || undefined })}
          className="w-56"
        >
          <option value="">Anyone</option>
          {knownActor ? null : <option value={value.actorId}>{value.actorId}</option>}
          {(['user', 'agent', 'system'] as const).map((type) => (
            <optgroup key={type} label={{ user: 'People', agent: 'Agents', system: 'System' }[type]}>
              {actors
                .filter((a) => a.actorType === type)
                .map((a) => (
                  <option key={a.actorId} value={a.actorId}>
                    {a.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </Select>
      </label>
      <label className={label}>
        Action (prefix, e.g. action.)
        <Input
          list="audit-action-names"
          value={value.action ?? ''}
          onChange={(e) => set({ action: e.target.value || undefined })}
          className="w-56"
        />
        <datalist id="audit-action-names">
          {facets.data?.actions.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
      </label>
      <label className={label}>
        Customer id
        <Input
          value={value.customerId ?? ''}
          onChange={(e) => set({ customerId: e.target.value || undefined })}
          className="w-40"
        />
      </label>
      <label className={label}>
        From
        <Input
          type="date"
          value={value.from ?? ''}
          onChange={(e) => set({ from: e.target.value || undefined })}
          className="w-40"
        />
      </label>
      <label className={label}>
        To
        <Input
          type="date"
          value={value.to ?? ''}
          onChange={(e) => set({ to: e.target.value || undefined })}
          className="w-40"
        />
      </label>
    </>
  );
}
