'use client';
import { useState, type FormEvent } from 'react';
import { useCreateIngestToken } from '@/lib/queries/use-ingest';
import type { CreatedIngestToken } from '@/lib/schemas/ingest-tokens';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';

const SCOPE_CHOICES = {
  both: ['usage:write', 'entitlements:check'],
  usage: ['usage:write'],
  entitlements: ['entitlements:check'],
} as const;

// The secret exists only in this component's state after creation: it is shown once, and
// leaving the page (or dismissing it) loses it for good — only its hash is stored.
export function CreateIngestTokenForm() {
  const create = useCreateIngestToken();
  const [created, setCreated] = useState<CreatedIngestToken | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const f = new FormData(formEl);
    setCreated(null);
    const days = Number(f.get('expiresInDays') || 0);
    const token = await create
      .mutateAsync({
        name: String(f.get('name')),
        source: String(f.get('source')),
        scopes: [...SCOPE_CHOICES[f.get('scopes') as keyof typeof SCOPE_CHOICES]],
        expiresInDays: days > 0 ? days : undefined,
      })
      .catch(() => null);
    if (token) {
      setCreated(token);
      formEl.reset();
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" aria-label="Create ingest token">
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          Name
          <Input name="name" required maxLength={120} placeholder="Edge gateway" />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          Source
          <Input
            name="source"
            required
            maxLength={64}
            pattern="[a-z0-9][a-z0-9._\-]*"
            placeholder="api-gateway"
            title="Lower-case letters, digits, dot, dash or underscore"
          />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          May
          <Select name="scopes" defaultValue="both">
            <option value="both">send usage and check entitlements</option>
            <option value="usage">send usage only</option>
            <option value="entitlements">check entitlements only</option>
          </Select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          Expires after (days, optional)
          <Input name="expiresInDays" type="number" min={1} max={3650} placeholder="never" />
        </label>
        <Button type="submit" disabled={create.isPending}>
          Create token
        </Button>
        {create.error ? (
          <p className="w-full text-sm text-red-700" data-testid="create-token-error">
            {create.error.message}
          </p>
        ) : null}
      </form>
      {created ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="new-token">
          <p className="font-medium text-amber-900">Copy this token now — it will not be shown again.</p>
          <code
            className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-xs"
            data-testid="new-token-secret"
          >
            {created.secret}
          </code>
          <div className="mt-2 flex gap-2">
            <Button variant="secondary" onClick={() => void navigator.clipboard?.writeText(created.secret)}>
              Copy
            </Button>
            <Button variant="ghost" onClick={() => setCreated(null)}>
              Done
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
