'use client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  WebhookBulkReplayBody,
  WebhookBulkReplayResponse,
  WebhookEventDetail,
  WebhookListResponse,
  WebhookReplayResponse,
} from '@/lib/schemas/webhooks';
import { apiFetch } from './api-client';

// The webhook inbox: list (polled, statuses move as the worker processes), detail with payload,
// and the admin's replay of one event or of every failed / dead event matching a filter. Keys start with 'webhooks' so a replay invalidates them all.
export const webhookKeys = {
  all: ['webhooks'] as const,
  list: (params: Record<string, unknown>) => ['webhooks', 'list', params] as const,
  detail: (id: string) => ['webhooks', 'detail', id] as const,
};

export interface WebhookListParams {
  status?: string;
  type?: string;
  limit: number;
  offset: number;
}

export type WebhookBulkReplayFilter = Partial<Pick<WebhookBulkReplayBody, 'statuses' | 'type' | 'source'>>;

export function useWebhookEvents(params: WebhookListParams) {
  return useQuery({
    queryKey: webhookKeys.list({ ...params }),
    queryFn: () => apiFetch<WebhookListResponse>('/api/v1/webhooks', { query: { ...params } }),
    placeholderData: keepPreviousData,
    refetchInterval: 5_000,
  });
}

export function useWebhookEvent(id: string | null) {
  return useQuery({
    queryKey: webhookKeys.detail(id ?? ''),
    queryFn: () => apiFetch<WebhookEventDetail>(`/api/v1/webhooks/${encodeURIComponent(id!)}`),
    enabled: id !== null,
  });
}

export function useReplayWebhookEvent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<WebhookReplayResponse>(`/api/v1/webhooks/${encodeURIComponent(id)}/replay`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

export function useBulkReplayWebhookEvents() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (filter: WebhookBulkReplayFilter) =>
      apiFetch<WebhookBulkReplayResponse>('/api/v1/webhooks/replay', { method: 'POST', body: filter }),
    onSuccess: () => qc.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}
