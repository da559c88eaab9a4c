'use client';
import { useQuery } from '@tanstack/react-query';
import type { UsageInsights } from '@/lib/schemas/insights';
import { apiFetch } from './api-client';
import { queryKeys } from './query-keys';

// Insights are computed on request (detector + forecast per meter), so they refresh once a
// minute, not with the customer page's 5-second usage poll. The key sits under the customer's,
// so invalidating a customer refreshes its insights too.
export function useUsageInsights(customerId: string) {
  return useQuery({
    queryKey: [...queryKeys.customers.detail(customerId), 'usage-insights'] as const,
    queryFn: () => apiFetch<UsageInsights>(`/api/v1/customers/${encodeURIComponent(customerId)}/usage-insights`),
    refetchInterval: 60_000,
  });
}
