'use client';
import { usePathname } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

// The console frame: the one sidebar is static from 768 px up and an off-canvas drawer below,
// opened from a top bar. The sidebar is rendered once (a second copy for phones would duplicate
// its controls for tests and screen readers alike). The drawer remembers the path it was opened
// on, so following a link closes it without an effect.
export function ResponsiveFrame({ sidebar, children }: { sidebar: ReactNode; children: ReactNode }) {
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const close = () => setOpenOn(null);
  return (
    <div className="flex min-h-screen">
      <aside
        id="console-nav"
        aria-label="Console navigation"
        onKeyDown={(e) => {
          if (e.key === 'Escape') close();
        }}
        className={cn(
          'fixed inset-y-0 left-0 z-40 flex h-screen w-56 shrink-0 flex-col border-r border-slate-200 bg-white transition-transform md:visible md:sticky md:top-0 md:translate-x-0 md:shadow-none',
          open ? 'translate-x-0 shadow-xl' : '-translate-x-full max-md:invisible',
        )}
      >
        {sidebar}
      </aside>
      {open ? <div aria-hidden className="fixed inset-0 z-30 bg-slate-900/40 md:hidden" onClick={close} /> : null}
      <div className="min-w-0 flex-1">
        <header className="sticky top-0 z-20 flex items-center gap-3 border-b border-slate-200 bg-white px-4 py-2 md:hidden">
          <button
            type="button"
            aria-controls="console-nav"
            aria-expanded={open}
            onClick={() => setOpenOn(open ? null : pathname)}
            className="rounded-md border border-slate-200 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
          >
            Menu
          </button>
          <span className="text-base font-semibold tracking-tight">Tollgate</span>
        </header>
        <main className="px-4 py-6 md:px-8 md:py-8">{children}</main>
      </div>
    </div>
  );
}
