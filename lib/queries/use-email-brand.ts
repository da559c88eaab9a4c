'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EmailBrandInput, EmailBrandView } from '@/lib/schemas/email-brand';
import { apiFetch } from './api-client';
import { queryKeys } from './query-keys';

export function useEmailBrand() {
  return useQuery({ queryKey: queryKeys.email.brand, queryFn: () => apiFetch<EmailBrandView>('/api/v1/email/brand') });
}

// Saving or resetting changes every render: the brand and every preview are refetched.
export function useSaveEmailBrand() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: EmailBrandInput | null) =>
      input
        ? apiFetch<EmailBrandView>('/api/v1/email/brand', { method: 'PUT', body: input })
        : apiFetch<EmailBrandView>('/api/v1/email/brand', { method: 'DELETE' }),
    onSuccess: (view) => {
      qc.setQueryData(queryKeys.email.brand, view);
      return qc.invalidateQueries({ queryKey: queryKeys.email.all });
    },
  });
}
