'use client';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { EmailBrandView } from '@/lib/schemas/email-brand';
import { useEmailBrand, useSaveEmailBrand } from '@/lib/queries/use-email-brand';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { QueryState } from '@/components/ui/query-state';
import { fieldErrors } from '@/components/catalog/field-errors';

// Settings → E-mail branding: the name, logo, colour and sender every customer e-mail carries.
// Nothing saved: the deployment's EMAIL_* values apply (shown as the defaults).
export function EmailBrandingAdmin() {
  const brand = useEmailBrand();
  return (
    <Card title="E-mail branding">
      <QueryState isLoading={brand.isLoading} error={brand.error}>
        {brand.data ? <BrandForm key={brand.data.updatedAt ?? 'environment'} view={brand.data} /> : null}
      </QueryState>
    </Card>
  );
}

function BrandForm({ view }: { view: EmailBrandView }) {
  const save = useSaveEmailBrand();
  const [color, setColor] = useState(view.color);
  const [saved, setSaved] = useState<string | null>(null);
  const errors = fieldErrors(save.error);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (name: string) => String(f.get(name) ?? '').trim();
    setSaved(null);
    save.mutate(
      {
        companyName: text('companyName'),
        logoUrl: text('logoUrl') || null,
        color: text('color'),
        from: text('from'),
        replyTo: text('replyTo') || null,
      },
      { onSuccess: () => setSaved('Saved: the next preview and every e-mail sent from now on use this brand.') },
    );
  }

  const field = (label: string, name: keyof typeof view.defaults, node: ReactNode, hint?: string) => (
    <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
      {label}
      {node}
      {errors[name] ? (
        <span className="font-normal text-red-700" data-testid={`brand-error-${name}`}>
          {errors[name]}
        </span>
      ) : hint ? (
        <span className="font-normal text-slate-500">{hint}</span>
      ) : null}
    </label>
  );

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label="E-mail branding" noValidate>
      <p className="flex items-center gap-2 text-sm text-slate-600">
        {view.source === 'settings' ? (
          <Badge tone="blue">Saved in settings</Badge>
        ) : (
          <Badge tone="gray">Environment defaults</Badge>
        )}
        Used by every e-mail template, the approval preview and the sender.
      </p>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
        {field('Company name', 'companyName', <Input name="companyName" defaultValue={view.companyName} />)}
        {field(
          'Logo URL',
          'logoUrl',
          <Input name="logoUrl" type="url" defaultValue={view.logoUrl ?? ''} placeholder="https://…/logo.png" />,
          'Empty: the company name in the brand colour.',
        )}
        {field(
          'Brand colour',
          'color',
          <span className="flex items-center gap-2">
            <Input name="color" value={color} onChange={(e) => setColor(e.target.value)} className="w-32" />
            <span
              aria-hidden
              className="h-6 w-6 rounded border border-slate-300"
              style={{ backgroundColor: /^#[0-9a-f]{6}$/i.test(color) ? color : 'transparent' }}
            />
          </span>,
          'A hex colour such as #4f46e5.',
        )}
        {field(
          'From',
          'from',
          <Input name="from" defaultValue={view.from} />,
          'An address your transport may send as, e.g. Acme Billing <billing@acme.com>.',
        )}
        {field(
          'Reply-To',
          'replyTo',
          <Input name="replyTo" defaultValue={view.replyTo ?? ''} />,
          'Empty: replies go to From (offers still go to the account owner).',
        )}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={save.isPending}>
          Save branding
        </Button>
        {view.source === 'settings' ? (
          <Button
            type="button"
            variant="secondary"
            disabled={save.isPending}
            onClick={() => save.mutate(null, { onSuccess: () => setSaved('Back to the environment defaults.') })}
          >
            Reset to defaults
          </Button>
        ) : null}
        {saved ? (
          <span className="text-sm text-emerald-700" data-testid="brand-saved">
            {saved}
          </span>
        ) : null}
        {save.error && !Object.keys(errors).length ? (
          <span className="text-sm text-red-700">{save.error.message}</span>
        ) : null}
      </div>
      <p className="text-xs text-slate-500">
        Defaults: {view.defaults.companyName} · {view.defaults.from} · {view.defaults.color}
      </p>
    </form>
  );
}
