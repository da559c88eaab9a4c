'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StripeImportView } from '@/lib/schemas/stripe-import';
import { apiFetch } from './api-client';
import { queryKeys } from './query-keys';

const PATH = '/api/v1/billing/imports';

/** The latest import; polled every 1.5 s while it is queued or running. */
export function useLatestStripeImport() {
  return useQuery({
    queryKey: queryKeys.stripeImports.all,
    queryFn: () => apiFetch<{ run: StripeImportView | null }>(PATH),
    refetchInterval: (query) => {
      const status = query.state.data?.run?.status;
      return status === 'queued' || status === 'running' ? 1500 : false;
    },
  });
}

export function useStartStripeImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (months: number) => apiFetch<StripeImportView>(PATH, { method: 'POST', body: { months } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.stripeImports.all }),
  });
}

export function useResumeStripeImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<StripeImportView>(`${PATH}/${id}/resume`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.stripeImports.all }),
  });
}
