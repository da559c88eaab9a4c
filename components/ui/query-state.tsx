import type { ReactNode } from 'react';

// Loading and error states for a React Query result, so each page shows them the same way.
export function QueryState({
  isLoading,
  error,
  children,
}: {
  isLoading: boolean;
  error: Error | null;
  children: ReactNode;
}) {
  if (isLoading)
    return (
      <div className="py-12 text-center text-sm text-slate-500" role="status">
        Loading…
      </div>
    );
  if (error) {
    return (
      <div
        className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800"
        data-testid="error-state"
      >
        {error.message}
      </div>
    );
  }
  return <>{children}</>;
}
