'use client';
import * as RadixDialog from '@radix-ui/react-dialog';
import { Command } from 'cmdk';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { can } from '@/lib/auth/capabilities';
import type { Role } from '@/lib/auth/roles';
import { useConsoleSearch } from '@/lib/queries/use-search';
import type { SearchHit } from '@/lib/schemas/search';
import { NAV_ITEMS } from './nav-items';

const GROUPS: { type: SearchHit['type']; heading: string }[] = [
  { type: 'customer', heading: 'Customers' },
  { type: 'invoice', heading: 'Invoices' },
  { type: 'action', heading: 'Actions' },
  { type: 'audit_event', heading: 'Audit events' },
];

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

// ⌘K / Ctrl-K anywhere in the console: find a customer (name, e-mail, id, billing id), an
// invoice (number), an action or an audit event, or run a command ("Go to Policies", "Review
// next"). Results come from the server as the reviewer types; commands are filtered locally.
export function CommandPalette({ role }: { role: Role }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const search = useConsoleSearch(useDebounced(q, 150));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() === 'k' && (e.metaKey || e.ctrlKey)) {
        e.preventDefault();
        setOpen((o) => !o);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const go = (href: string) => {
    setOpen(false);
    setQ('');
    router.push(href);
  };
  const hits = q.trim() ? (search.data?.items ?? []) : [];
  const needle = q.trim().toLowerCase();
  const commands = [
    { label: 'Review next in the approval queue', href: '/approvals' },
    ...NAV_ITEMS.filter((item) => can({ role }, item.capability)).map((item) => ({
      label: `Go to ${item.label}`,
      href: item.href,
    })),
  ];

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="mx-3 mb-3 flex items-center justify-between rounded-md border border-slate-200 px-3 py-1.5 text-left text-sm text-slate-600 hover:bg-slate-50"
      >
        Search…
        <kbd className="rounded border border-slate-200 px-1 text-xs text-slate-600">Ctrl K</kbd>
      </button>
      <RadixDialog.Root open={open} onOpenChange={setOpen}>
        <RadixDialog.Portal>
          <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/30" />
          <RadixDialog.Content
            className="fixed left-1/2 top-24 z-50 w-full max-w-xl -translate-x-1/2 rounded-xl border border-slate-200 bg-white shadow-xl focus:outline-none"
            aria-describedby={undefined}
          >
            <RadixDialog.Title className="sr-only">Search and commands</RadixDialog.Title>
            <Command shouldFilter={false} label="Search and commands" className="flex flex-col">
              <Command.Input
                value={q}
                onValueChange={setQ}
                placeholder="Search customers, invoices, actions… or type a command"
                className="border-b border-slate-100 px-4 py-3 text-sm outline-none"
              />
              <Command.List className="max-h-96 overflow-y-auto p-2 text-sm">
                {q.trim() && !search.isFetching && hits.length === 0 ? (
                  <Command.Empty className="px-3 py-6 text-center text-slate-600">Nothing matches “{q}”.</Command.Empty>
                ) : null}
                {GROUPS.map(({ type, heading }) => {
                  const group = hits.filter((h) => h.type === type);
                  return group.length ? (
                    <Command.Group key={type} heading={heading} className="text-xs font-medium text-slate-600">
                      {group.map((h) => (
                        <Command.Item
                          key={`${h.type}:${h.id}`}
                          value={`${h.type}:${h.id}`}
                          onSelect={() => go(h.href)}
                          className="flex cursor-pointer flex-col rounded-md px-3 py-2 text-sm font-normal text-slate-900 data-[selected=true]:bg-brand-50"
                        >
                          <span className="font-medium">{h.title}</span>
                          <span className="text-xs text-slate-600">{h.subtitle}</span>
                        </Command.Item>
                      ))}
                    </Command.Group>
                  ) : null;
                })}
                <Command.Group heading="Commands" className="text-xs font-medium text-slate-600">
                  {commands
                    .filter((c) => c.label.toLowerCase().includes(needle))
                    .map((c) => (
                      <Command.Item
                        key={c.label}
                        value={c.label}
                        onSelect={() => go(c.href)}
                        className="cursor-pointer rounded-md px-3 py-2 text-sm font-normal text-slate-900 data-[selected=true]:bg-brand-50"
                      >
                        {c.label}
                      </Command.Item>
                    ))}
                </Command.Group>
              </Command.List>
            </Command>
          </RadixDialog.Content>
        </RadixDialog.Portal>
      </RadixDialog.Root>
    </>
  );
}
