'use client';
import { useQuery } from '@tanstack/react-query';
import type { DunningTimeline } from '@/lib/schemas/dunning';
import { apiFetch } from './api-client';
import { queryKeys } from './query-keys';

// Under the customer's key, so invalidating a customer (e.g. after approving a step) refreshes it.
export function useDunningTimeline(customerId: string) {
  return useQuery({
    queryKey: [...queryKeys.customers.detail(customerId), 'dunning'] as const,
    queryFn: () => apiFetch<DunningTimeline>(`/api/v1/customers/${encodeURIComponent(customerId)}/dunning`),
    refetchInterval: 30_000,
  });
}
