'use client';
import { useState, type FormEvent } from 'react';
import { useCreateUser } from '@/lib/queries/use-users';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import type { Role } from '@/lib/auth/roles';

export function CreateUserForm() {
  const create = useCreateUser();
  const [done, setDone] = useState<string | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const f = new FormData(formEl);
    const password = String(f.get('password') ?? '');
    setDone(null);
    const user = await create
      .mutateAsync({
        email: String(f.get('email')),
        name: String(f.get('name')),
        role: f.get('role') as Role,
        password: password || undefined,
      })
      .catch(() => null);
    if (user) {
      setDone(`Added ${user.email}`);
      formEl.reset();
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" aria-label="Add user">
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        Name
        <Input name="name" required />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        E-mail
        <Input name="email" type="email" required />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        Role
        <Select name="role" defaultValue="support">
          <option value="support">Support</option>
          <option value="revops">RevOps</option>
          <option value="admin">Admin</option>
        </Select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        Initial password (optional with SSO)
        <Input name="password" type="password" minLength={12} autoComplete="new-password" />
      </label>
      <Button type="submit" disabled={create.isPending}>
        Add user
      </Button>
      {create.error ? (
        <p className="w-full text-sm text-red-700" data-testid="create-user-error">
          {create.error.message}
        </p>
      ) : null}
      {done ? <p className="w-full text-sm text-emerald-700">{done}</p> : null}
    </form>
  );
}
