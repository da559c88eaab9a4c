'use client';
import { useState, type FormEvent } from 'react';
import { useCreateIngestToken } from '@/lib/queries/use-ingest';
import type { CreatedIngestToken } from '@/lib/schemas/ingest-tokens';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { SecretShownOnce } from '@/components/ui/secret-shown-once';

const SCOPE_CHOICES = {
  both: ['usage:write', 'entitlements:check'],
  usage: ['usage:write'],
  entitlements: ['entitlements:check'],
} as const;

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
        <SecretShownOnce label="token" secret={created.secret} testId="new-token" onDone={() => setCreated(null)} />
      ) : null}
    </div>
  );
}
