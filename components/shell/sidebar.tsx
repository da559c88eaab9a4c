'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { can } from '@/lib/auth/capabilities';
import type { Role } from '@/lib/auth/roles';
import { cn } from '@/components/ui/cn';
import { NAV_ITEMS } from './nav-items';

export function Sidebar({ role }: { role: Role }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-0.5 px-3">
      {NAV_ITEMS.filter((item) => can({ role }, item.capability)).map((item) => {
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? 'page' : undefined}
            className={cn(
              'rounded-md px-3 py-2 text-sm font-medium',
              active ? 'bg-brand-50 text-brand-700' : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900',
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
