'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateIntegrationInput, IntegrationView, UpdateIntegrationInput } from '@/lib/schemas/integrations';
import { apiFetch } from './api-client';
import { queryKeys } from './query-keys';

export function useIntegrations() {
  return useQuery({
    queryKey: queryKeys.integrations.all,
    queryFn: () => apiFetch<{ items: IntegrationView[] }>('/api/v1/integrations'),
  });
}

export function useCreateIntegration() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateIntegrationInput) =>
      apiFetch<IntegrationView>('/api/v1/integrations', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.integrations.all }),
  });
}

export function useUpdateIntegration() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateIntegrationInput & { id: string }) =>
      apiFetch<IntegrationView>(`/api/v1/integrations/${id}`, { method: 'PATCH', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.integrations.all }),
  });
}

export function useSendIntegrationTest() {
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<{ ok: boolean; status: number | null; message: string }>(`/api/v1/integrations/${id}/test`, {
        method: 'POST',
      }),
  });
}

export function useSendTestEmail() {
  return useMutation({
    mutationFn: ({ id, to }: { id: string; to: string }) =>
      apiFetch<{ ok: boolean; code: string | null; message: string }>(`/api/v1/integrations/${id}/test-email`, {
        method: 'POST',
        body: { to },
      }),
  });
}
