'use client';
import { useQuery } from '@tanstack/react-query';
import type { PortfolioOverview, SetupChecklist } from '@/lib/schemas/overview';
import { apiFetch } from './api-client';
import { queryKeys } from './query-keys';

// The overview is a summary of other pages: refreshed every minute while open, and when the
// reviewer comes back to the tab.
export function usePortfolioOverview() {
  return useQuery({
    queryKey: queryKeys.overview.all,
    queryFn: () => apiFetch<PortfolioOverview>('/api/v1/overview'),
    refetchInterval: 60_000,
  });
}

export function useSetupChecklist() {
  return useQuery({
    queryKey: queryKeys.overview.setup,
    queryFn: () => apiFetch<SetupChecklist>('/api/v1/setup-checklist'),
  });
}
