import Link from 'next/link';
import type { ReactNode } from 'react';
import type { MoneyTotal } from '@/lib/schemas/overview';
import { formatMoney } from '@/lib/money';

/** Totals per currency as one line: "$1,200.00 + €300.00"; nothing at stake reads "$0.00". */
export function formatTotals(totals: readonly MoneyTotal[]): string {
  if (!totals.length) return formatMoney(0, 'usd');
  return totals.map((t) => formatMoney(t.amountMinor, t.currency)).join(' + ');
}

// One figure of the overview: the headline number, what it means, the few rows behind it, and
// the page that holds all of them.
export function OverviewTile({
  title,
  figure,
  caption,
  href,
  linkLabel,
  testId,
  children,
}: {
  title: string;
  figure: ReactNode;
  caption: ReactNode;
  href: string;
  linkLabel: string;
  testId: string;
  children?: ReactNode;
}) {
  return (
    <section
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      aria-labelledby={`${testId}-title`}
      data-testid={testId}
    >
      <h2 id={`${testId}-title`} className="text-sm font-semibold text-slate-800">
        {title}
      </h2>
      <div>
        <p className="text-2xl font-semibold tabular-nums text-slate-900" data-testid={`${testId}-figure`}>
          {figure}
        </p>
        <p className="text-sm text-slate-600">{caption}</p>
      </div>
      {children ? <ul className="flex flex-col gap-1.5 text-sm">{children}</ul> : null}
      <Link href={href} className="mt-auto text-sm font-medium text-brand-700 underline">
        {linkLabel}
      </Link>
    </section>
  );
}

/** A row of a tile: a link on the left, a figure on the right. */
export function TileRow({ href, label, value }: { href: string; label: ReactNode; value: ReactNode }) {
  return (
    <li className="flex items-baseline justify-between gap-3">
      <Link href={href} className="min-w-0 truncate text-slate-800 hover:underline">
        {label}
      </Link>
      <span className="shrink-0 tabular-nums text-slate-600">{value}</span>
    </li>
  );
}
