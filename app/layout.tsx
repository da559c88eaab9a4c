import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { headers } from 'next/headers';
import { Providers } from '@/components/providers';
import { ThemeScript } from '@/components/shell/theme-script';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Tollgate', template: '%s · Tollgate' },
  description: 'The RevOps console for API-first companies',
};

// Rendered per request: the CSP nonce (proxy.ts) is new on every response, so no page may be
// served from a static prerender whose scripts would carry no nonce.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await headers();
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
