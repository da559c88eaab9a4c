'use client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CustomerScoresView, ScoreList, ScoreRow } from '@/lib/schemas/scores';
import { apiFetch } from './api-client';
import { queryKeys } from './query-keys';

export interface ScoreListParams {
  list: ScoreList;
  q?: string;
  plan?: string;
  owner?: string;
  threshold?: number;
  sort: 'score' | 'mrr' | 'headroom' | 'crossing' | 'name';
  limit: number;
  offset: number;
}

export function useScoreList(params: ScoreListParams) {
  return useQuery({
    queryKey: queryKeys.scores.list({ ...params }),
    queryFn: () => apiFetch<{ items: ScoreRow[]; total: number }>('/api/v1/scores', { query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

/** The CSV export of the same filtered list (a plain link: the browser downloads it). */
export function scoreExportUrl(params: Omit<ScoreListParams, 'limit' | 'offset'>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  return `/api/v1/scores/export?${q.toString()}`;
}

export function useCustomerScores(customerId: string) {
  return useQuery({
    queryKey: queryKeys.scores.customer(customerId),
    queryFn: () => apiFetch<CustomerScoresView>(`/api/v1/customers/${encodeURIComponent(customerId)}/scores`),
  });
}

// Drafted actions land in the approval queue: refresh it.
export function useDraftFromScore() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { customerId: string; action: 'crm_task' | 'upgrade'; list: ScoreList }) =>
      apiFetch<{ outcome: string; actionId: string | null; reason: string }>(
        `/api/v1/customers/${encodeURIComponent(v.customerId)}/scores/draft`,
        { method: 'POST', body: { action: v.action, list: v.list } },
      ),
    onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.actions.all }),
  });
}
