'use client';
import type { FormEvent } from 'react';
import type { CreateMeterInput, MeterView } from '@/lib/schemas/catalog';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { fieldErrors } from './field-errors';

const AGGREGATIONS = {
  sum: 'Sum of values',
  count: 'Count of events',
  max: 'Maximum value',
  unique_count: 'Distinct values',
};

// Create or edit a meter: the key usage events name (fixed once created), how values add up, and
// the Stripe billing meter usage is forwarded to.
export function MeterForm({
  initial,
  pending,
  error,
  onSubmit,
}: {
  initial: MeterView | null;
  pending: boolean;
  error: unknown;
  onSubmit: (input: CreateMeterInput) => void;
}) {
  const errors = fieldErrors(error);
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    onSubmit({
      key: String(f.get('key') ?? initial?.key ?? ''),
      name: String(f.get('name') ?? ''),
      unit: String(f.get('unit') ?? ''),
      aggregation: f.get('aggregation') as CreateMeterInput['aggregation'],
      uniqueProperty: String(f.get('uniqueProperty') ?? '') || null,
      externalId: String(f.get('externalId') ?? '') || null,
    });
  }
  const field = (label: string, name: string, node: React.ReactNode) => (
    <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
      {label}
      {node}
      {errors[name] ? (
        <span className="font-normal text-red-700" role="alert">
          {errors[name]}
        </span>
      ) : null}
    </label>
  );
  return (
    <form onSubmit={submit} className="grid grid-cols-3 items-start gap-3" aria-label="Meter">
      {field(
        'Key (what usage events name)',
        'key',
        <Input name="key" defaultValue={initial?.key} required disabled={Boolean(initial)} />,
      )}
      {field('Name', 'name', <Input name="name" defaultValue={initial?.name} required />)}
      {field('Unit', 'unit', <Input name="unit" defaultValue={initial?.unit ?? 'units'} required />)}
      {field(
        'Aggregation',
        'aggregation',
        <Select name="aggregation" defaultValue={initial?.aggregation ?? 'sum'}>
          {Object.entries(AGGREGATIONS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </Select>,
      )}
      {field(
        'Property counted (distinct values only)',
        'uniqueProperty',
        <Input name="uniqueProperty" defaultValue={initial?.uniqueProperty ?? ''} />,
      )}
      {field(
        'Stripe billing meter',
        'externalId',
        <Input name="externalId" defaultValue={initial?.externalId ?? ''} placeholder="mtr_…" />,
      )}
      <div className="col-span-3 flex items-center justify-end gap-3">
        {error && !Object.keys(errors).length ? (
          <p className="text-sm text-red-700">{(error as Error).message}</p>
        ) : null}
        <Button type="submit" disabled={pending}>
          {initial ? 'Save meter' : 'Create meter'}
        </Button>
      </div>
    </form>
  );
}
