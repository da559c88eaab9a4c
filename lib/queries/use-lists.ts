'use client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { InvoiceSummary } from '@/lib/schemas/invoices';
import type { incidentView } from '@/lib/schemas/incidents';
import type { policyView } from '@/lib/schemas/policies';
import { apiFetch } from './api-client';
import { queryKeys } from './query-keys';

// Read hooks for the list pages. Each is one resource; mutations live beside their feature.

export function useInvoices(params: { q?: string; status?: string; limit: number; offset: number }) {
  return useQuery({
    queryKey: queryKeys.invoices.list({ ...params }),
    queryFn: () => apiFetch<{ items: InvoiceSummary[]; total: number }>('/api/v1/invoices', { query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

export function useIncidents() {
  return useQuery({
    queryKey: queryKeys.incidents.all,
    queryFn: () => apiFetch<{ items: z.infer<typeof incidentView>[] }>('/api/v1/incidents'),
  });
}

export function usePolicies() {
  return useQuery({
    queryKey: queryKeys.policies.all,
    queryFn: () => apiFetch<{ items: z.infer<typeof policyView>[] }>('/api/v1/policies'),
  });
}

export function useUpdatePolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, ...body }: { kind: string } & Record<string, unknown>) =>
      apiFetch(`/api/v1/policies/${kind}`, { method: 'PATCH', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.policies.all }),
  });
}
