'use client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ToastProvider } from '@/components/ui/toast';

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            staleTime: 10_000,
            // A 4xx will answer the same again: show it at once. A network error or a 5xx gets one
            // quick second try; after that the page shows the error with Retry (QueryState).
            retry: (count, err) => {
              const status = (err as { status?: number }).status;
              return count < 1 && (status === undefined || status >= 500);
            },
            retryDelay: 500,
            refetchOnWindowFocus: false,
          },
        },
      }),
  );
  return (
    <QueryClientProvider client={client}>
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
}
