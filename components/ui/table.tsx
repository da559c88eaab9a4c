import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { cn } from './cn';

export function Table({ children, className }: { children: ReactNode; className?: string }) {
  return (
    // Focusable so a keyboard user can scroll a table wider than the screen (axe
    // scrollable-region-focusable; the audit table is one at 1400 px).
    <div
      tabIndex={0}
      className={cn(
        'overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm focus-visible:outline-2 focus-visible:outline-brand-500',
        className,
      )}
    >
      <table className="min-w-full divide-y divide-slate-200 text-sm">{children}</table>
    </div>
  );
}

export const THead = ({ children }: { children: ReactNode }) => (
  <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
    {children}
  </thead>
);
export const TBody = ({ children }: { children: ReactNode }) => (
  <tbody className="divide-y divide-slate-100">{children}</tbody>
);
export const Tr = ({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) => (
  <tr className={cn('hover:bg-slate-50', className)} {...props} />
);
export const Th = ({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) => (
  <th scope="col" className={cn('px-4 py-2.5', className)} {...props} />
);
export const Td = ({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) => (
  <td className={cn('px-4 py-2.5 align-middle', className)} {...props} />
);
