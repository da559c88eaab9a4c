'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useOpenIncident } from '@/lib/queries/use-incidents';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Input, Select } from '@/components/ui/input';

const list = (v: string) => [
  ...new Set(
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

// Revops or an admin opens an incident the monitors did not report (or before they do).
export function OpenIncidentDialog({ onClose }: { onClose: () => void }) {
  const open = useOpenIncident();
  const router = useRouter();
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<'sev1' | 'sev2' | 'sev3'>('sev2');
  const [services, setServices] = useState('');
  const [regions, setRegions] = useState('');
  const [startedAt, setStartedAt] = useState('');
  const started = new Date(startedAt);
  const errors = {
    title: title.trim() ? null : 'Give the incident a title',
    startedAt: startedAt && !Number.isNaN(started.getTime()) ? null : 'When did it start?',
  };
  const [touched, setTouched] = useState(false);
  const field = (label: string, error: string | null, input: React.ReactNode) => (
    <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
      {label}
      {input}
      {touched && error ? <span className="text-xs font-normal text-red-700">{error}</span> : null}
    </label>
  );
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Open incident"
      description="Affected services and regions scope the SLA cohort: leave empty for all."
    >
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (errors.title || errors.startedAt) return;
          open.mutate(
            {
              title,
              severity,
              services: list(services),
              regions: list(regions),
              startedAt: started.toISOString(),
              description: '',
            },
            { onSuccess: (r) => router.push(`/incidents/${r.id}`) },
          );
        }}
      >
        {field(
          'Title',
          errors.title,
          <Input value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={touched && !!errors.title} />,
        )}
        {field(
          'Severity',
          null,
          <Select value={severity} onChange={(e) => setSeverity(e.target.value as typeof severity)}>
            <option value="sev1">sev1</option>
            <option value="sev2">sev2</option>
            <option value="sev3">sev3</option>
          </Select>,
        )}
        {field(
          'Services (comma-separated)',
          null,
          <Input value={services} placeholder="api, /v1/charges" onChange={(e) => setServices(e.target.value)} />,
        )}
        {field(
          'Regions (comma-separated)',
          null,
          <Input value={regions} placeholder="us-east-1" onChange={(e) => setRegions(e.target.value)} />,
        )}
        {field(
          'Started at',
          errors.startedAt,
          <Input
            type="datetime-local"
            value={startedAt}
            onChange={(e) => setStartedAt(e.target.value)}
            aria-invalid={touched && !!errors.startedAt}
          />,
        )}
        {open.error ? <p className="text-sm text-red-700">{open.error.message}</p> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={open.isPending}>
            Open incident
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
