'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateIngestTokenInput,
  CreatedIngestToken,
  IngestStatsResponse,
  IngestTokenView,
} from '@/lib/schemas/ingest-tokens';
import { apiFetch } from './api-client';

// Key factory for the Ingest page (kept beside its hooks: one resource, one file).
export const ingestKeys = {
  all: ['ingest'] as const,
  tokens: ['ingest', 'tokens'] as const,
  stats: (days: number) => ['ingest', 'stats', days] as const,
};

export function useIngestTokens(enabled = true) {
  return useQuery({
    queryKey: ingestKeys.tokens,
    queryFn: () => apiFetch<{ items: IngestTokenView[] }>('/api/v1/ingest-tokens'),
    enabled,
  });
}

// Counts move with every batch: refresh every few seconds while the page is open.
export function useIngestStats(days = 7) {
  return useQuery({
    queryKey: ingestKeys.stats(days),
    queryFn: () => apiFetch<IngestStatsResponse>('/api/v1/ingest-stats', { query: { days } }),
    refetchInterval: 5_000,
  });
}

export function useCreateIngestToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateIngestTokenInput) =>
      apiFetch<CreatedIngestToken>('/api/v1/ingest-tokens', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ingestKeys.tokens }),
  });
}

export function useRevokeIngestToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<IngestTokenView>(`/api/v1/ingest-tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ingestKeys.tokens }),
  });
}
