'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './api-client';
import type { DriftEventsResponse, ForwardingStats, ReconciliationListResponse } from '@/lib/schemas/usage-forwarding';

// Keys stay local to this resource (one factory, prefix 'reconciliation'), so merges into the
// shared query-keys file stay trivial.
export const reconciliationKeys = {
  all: ['reconciliation'] as const,
  list: (params: { flagged?: string; customerId?: string }) => ['reconciliation', 'list', params] as const,
  events: (id: string, only: boolean) => ['reconciliation', 'events', id, only] as const,
  forwarding: ['reconciliation', 'forwarding'] as const,
};

export function useReconciliations(params: { flagged?: 'true' | 'false'; customerId?: string } = {}) {
  return useQuery({
    queryKey: reconciliationKeys.list(params),
    queryFn: () => apiFetch<ReconciliationListResponse>('/api/v1/reconciliation', { query: params }),
  });
}

export function useDriftEvents(id: string, onlyUnacknowledged: boolean) {
  return useQuery({
    queryKey: reconciliationKeys.events(id, onlyUnacknowledged),
    queryFn: () =>
      apiFetch<DriftEventsResponse>(`/api/v1/reconciliation/${encodeURIComponent(id)}/events`, {
        query: { onlyUnacknowledged: String(onlyUnacknowledged) },
      }),
  });
}

export function useRunReconciliation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<{ queued: boolean }>('/api/v1/reconciliation/run', { method: 'POST' }),
    // The run is a job: look again in a few seconds.
    onSuccess: () => setTimeout(() => void qc.invalidateQueries({ queryKey: reconciliationKeys.all }), 5_000),
  });
}

// The backlog and lag move with every round: refresh every few seconds while shown.
export function useForwardingStats() {
  return useQuery({
    queryKey: reconciliationKeys.forwarding,
    queryFn: () => apiFetch<ForwardingStats>('/api/v1/usage-forwarding'),
    refetchInterval: 5_000,
  });
}
