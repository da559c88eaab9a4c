'use client';
import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import type { ActionFilters } from '@/lib/queries/use-actions';

// The queue's place lives in the URL: `/approvals/<actionId>?status=…&kind=…&agent=…&q=…&sort=…`.
// A filter change is a history entry (Back restores the previous filters); moving the selection
// replaces the current entry (j/k would otherwise fill the history). Both use the native History
// API, which Next's router follows (usePathname/useSearchParams update, no server round trip).
const PARAMS = {
  status: 'status',
  kind: 'kind',
  agentId: 'agent',
  customerId: 'customer',
  q: 'q',
  sort: 'sort',
  minAgeHours: 'age',
} as const satisfies Record<keyof ActionFilters, string>;

function filtersFrom(search: URLSearchParams): ActionFilters {
  const get = (k: string) => search.get(k) || undefined;
  const age = Number(get(PARAMS.minAgeHours));
  return {
    status: get(PARAMS.status) ?? 'open',
    kind: get(PARAMS.kind),
    agentId: get(PARAMS.agentId),
    customerId: get(PARAMS.customerId),
    q: get(PARAMS.q),
    sort: get(PARAMS.sort),
    minAgeHours: Number.isFinite(age) && age > 0 ? age : undefined,
  };
}

function queryString(filters: ActionFilters): string {
  const search = new URLSearchParams();
  for (const [key, param] of Object.entries(PARAMS)) {
    const value = filters[key as keyof ActionFilters];
    if (value === undefined || value === '' || (key === 'status' && value === 'open')) continue;
    search.set(param, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

export function useQueueUrl() {
  const pathname = usePathname();
  const search = useSearchParams();
  const filters = useMemo(() => filtersFrom(new URLSearchParams(search.toString())), [search]);
  // `/approvals/<id>`, or the older `/approvals?action=<id>` links.
  const segment = /^\/approvals\/([^/]+)/.exec(pathname)?.[1];
  const selectedId = segment ? decodeURIComponent(segment) : search.get('action');

  const select = useCallback(
    (id: string | null) => {
      const path = id ? `/approvals/${encodeURIComponent(id)}` : '/approvals';
      window.history.replaceState(null, '', `${path}${queryString(filters)}`);
    },
    [filters],
  );
  // A new set of filters starts without a selection: the first action of the new list is shown.
  const setFilters = useCallback((next: ActionFilters, opts: { replace?: boolean } = {}) => {
    const url = `/approvals${queryString(next)}`;
    if (opts.replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
  }, []);
  return { filters, selectedId, select, setFilters };
}
