'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SearchHit } from '@/lib/schemas/search';
import { apiFetch } from './api-client';

export const searchKeys = { all: ['search'] as const, q: (q: string) => ['search', q] as const };

// The palette's lookup; the previous answer stays on screen while the next one loads.
export function useConsoleSearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: searchKeys.q(term),
    queryFn: () => apiFetch<{ items: SearchHit[] }>('/api/v1/search', { query: { q: term } }),
    enabled: term.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
