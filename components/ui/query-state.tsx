'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Button } from './button';

// Loading and error states for a React Query result, so each page shows them the same way: a
// skeleton shaped like rows while it loads, the error with Retry when it fails. Retry refetches
// `onRetry` when given, else every query on the page that is in error — what failed is what the
// user wants again, and no caller has to thread its query through.
export function QueryState({
  isLoading,
  error,
  onRetry,
  children,
}: {
  isLoading: boolean;
  error: Error | null;
  onRetry?: () => unknown;
  children: ReactNode;
}) {
  const client = useQueryClient();
  const [retrying, setRetrying] = useState(false);
  if (isLoading)
    return (
      <div className="flex animate-pulse flex-col gap-3 py-4" role="status" aria-label="Loading">
        <span className="sr-only">Loading…</span>
        <div className="h-5 w-1/3 rounded bg-slate-100" />
        <div className="h-4 w-full rounded bg-slate-100" />
        <div className="h-4 w-11/12 rounded bg-slate-100" />
        <div className="h-4 w-4/5 rounded bg-slate-100" />
      </div>
    );
  if (error) {
    const retry = async () => {
      setRetrying(true);
      try {
        await (onRetry
          ? onRetry()
          : client.refetchQueries({ type: 'active', predicate: (q) => q.state.status === 'error' }));
      } finally {
        setRetrying(false);
      }
    };
    return (
      <div
        className="flex items-center justify-between gap-3 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800"
        data-testid="error-state"
        role="alert"
      >
        <span>{error.message}</span>
        <Button variant="secondary" onClick={() => void retry()} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Retry'}
        </Button>
      </div>
    );
  }
  return <>{children}</>;
}
