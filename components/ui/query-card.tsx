import type { ReactNode } from 'react';
import { Button } from './button';
import { Card } from './card';

// A card whose body comes from one query: a skeleton while it loads, the error with a Retry
// button when it fails, the content otherwise. It only shows the query it is given (never fetches).
export function QueryCard<T>({
  title,
  actions,
  className,
  query,
  children,
  testId,
}: {
  title: ReactNode;
  actions?: ReactNode;
  className?: string;
  query: { data: T | undefined; isLoading: boolean; error: Error | null; refetch: () => unknown; isFetching?: boolean };
  children: (data: T) => ReactNode;
  testId?: string;
}) {
  return (
    <Card title={title} actions={actions} className={className}>
      <div data-testid={testId}>
        {query.isLoading ? (
          <div className="flex animate-pulse flex-col gap-2" role="status" aria-label="Loading">
            <div className="h-4 w-2/3 rounded bg-slate-100" />
            <div className="h-4 w-1/2 rounded bg-slate-100" />
            <div className="h-4 w-5/6 rounded bg-slate-100" />
          </div>
        ) : query.error && query.data === undefined ? (
          <div
            className="flex items-center justify-between gap-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
            data-testid="card-error"
          >
            <span>{query.error.message}</span>
            <Button variant="secondary" onClick={() => query.refetch()} disabled={query.isFetching}>
              Retry
            </Button>
          </div>
        ) : query.data !== undefined ? (
          children(query.data)
        ) : null}
      </div>
    </Card>
  );
}
