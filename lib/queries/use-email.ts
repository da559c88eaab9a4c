'use client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EmailDeliveryView, EmailPreview } from '@/lib/schemas/email';
import { apiFetch } from './api-client';
import { queryKeys } from './query-keys';

/** The rendered e-mail for a payload (saved or being edited); the last good render stays while typing. */
export function useEmailPreview(payload: Record<string, unknown> | null, customerId: string | null) {
  return useQuery({
    queryKey: queryKeys.email.preview({ payload, customerId }),
    queryFn: () => apiFetch<EmailPreview>('/api/v1/email/preview', { method: 'POST', body: { payload, customerId } }),
    enabled: Boolean(payload),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useEmailDeliveries(filter: { customerId: string } | { actionId: string }) {
  const params = new URLSearchParams(filter as Record<string, string>).toString();
  return useQuery({
    queryKey: queryKeys.email.deliveries(filter as Record<string, string>),
    queryFn: () => apiFetch<{ items: EmailDeliveryView[] }>(`/api/v1/email/messages?${params}`),
  });
}

/** Resend, once, an e-mail whose delivery is unknown; the histories refetch with its outcome. */
export function useResendEmail() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<{ status: 'accepted' | 'failed'; transport: string | null; response: string }>(
        `/api/v1/email/messages/${id}/resend`,
        { method: 'POST', body: { acknowledgeDuplicateRisk: true } },
      ),
    onSettled: () => qc.invalidateQueries({ queryKey: ['email', 'deliveries'] }),
  });
}
