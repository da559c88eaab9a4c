import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { getEmailBrand } from '@/lib/server/email/brand';
import { readUnsubscribeToken, unsubscribeAddress } from '@/lib/server/email/unsubscribe-address';

export const metadata: Metadata = { title: 'Unsubscribe' };
export const dynamic = 'force-dynamic';

// The page behind the footer link. Opening it changes nothing (link scanners open every URL);
// the button does, through a server action on this page.
export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; done?: string }>;
}) {
  const { token = '', done } = await searchParams;
  const who = readUnsubscribeToken(token);
  const company = (await getEmailBrand()).companyName;

  async function unsubscribe() {
    'use server';
    const requestId = (await headers()).get('x-request-id') ?? 'unsubscribe-page';
    await unsubscribeAddress(token, requestId);
    const { redirect } = await import('next/navigation');
    redirect(`/unsubscribe?token=${encodeURIComponent(token)}&done=1`);
  }

  return (
    <main className="grid min-h-screen place-items-center bg-slate-50 px-4">
      <div className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-lg font-semibold text-slate-900">Unsubscribe</h1>
        {!who ? (
          <p className="mt-2 text-sm text-slate-600">
            This unsubscribe link is not valid. Use the link in the latest e-mail.
          </p>
        ) : done ? (
          <p className="mt-2 text-sm text-slate-600" data-testid="unsubscribed">
            {who.address} will no longer receive offers and digests from {company}. E-mails about invoices and payments
            still arrive.
          </p>
        ) : (
          <form action={unsubscribe} className="mt-2 space-y-4">
            <p className="text-sm text-slate-600">
              Stop offers and digests from {company} to {who.address}? E-mails about invoices and payments still arrive.
            </p>
            <button
              type="submit"
              className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700"
            >
              Unsubscribe
            </button>
          </form>
        )}
      </div>
    </main>
  );
}
