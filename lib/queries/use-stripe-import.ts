'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StripeImportView } from '@/lib/schemas/stripe-import';
import { apiFetch } from './api-client';
import { queryKeys } from './query-keys';

/** Stripe's and Chargebee's imports: the same progress, each under its own path. */
export type ImportPlatform = 'stripe' | 'chargebee';
const PATHS: Record<ImportPlatform, string> = {
  stripe: '/api/v1/billing/imports',
  chargebee: '/api/v1/billing/chargebee/imports',
};
const keyOf = (platform: ImportPlatform) =>
  platform === 'stripe' ? queryKeys.stripeImports.all : queryKeys.chargebeeImports.all;

/** The latest import; polled every 1.5 s while it is queued or running. */
export function useLatestStripeImport(platform: ImportPlatform = 'stripe') {
  return useQuery({
    queryKey: keyOf(platform),
    queryFn: () => apiFetch<{ run: StripeImportView | null }>(PATHS[platform]),
    refetchInterval: (query) => {
      const status = query.state.data?.run?.status;
      return status === 'queued' || status === 'running' ? 1500 : false;
    },
  });
}

export function useStartStripeImport(platform: ImportPlatform = 'stripe') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (months: number) => apiFetch<StripeImportView>(PATHS[platform], { method: 'POST', body: { months } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keyOf(platform) }),
  });
}

export function useResumeStripeImport(platform: ImportPlatform = 'stripe') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<StripeImportView>(`${PATHS[platform]}/${id}/resume`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keyOf(platform) }),
  });
}
