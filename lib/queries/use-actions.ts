'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ActionDetail, actionCounts, actionSummary } from '@/lib/schemas/actions';
import { apiFetch } from './api-client';
import { queryKeys } from './query-keys';

export type ActionSummary = z.infer<typeof actionSummary>;
export interface ActionFilters {
  status?: string;
  kind?: string;
  customerId?: string;
  agentId?: string;
  minAgeHours?: number;
  q?: string;
  sort?: string;
}
export type ActionCounts = z.infer<typeof actionCounts>;
type ActionList = { items: ActionSummary[]; counts: ActionCounts };

export function useActionList(filters: ActionFilters) {
  return useQuery({
    queryKey: queryKeys.actions.list({ ...filters }),
    queryFn: () => apiFetch<ActionList>('/api/v1/actions', { query: { ...filters } }),
    refetchInterval: 10_000,
  });
}

export function useAction(id: string | null) {
  return useQuery({
    queryKey: queryKeys.actions.detail(id ?? 'none'),
    queryFn: () => apiFetch<ActionDetail>(`/api/v1/actions/${id}`),
    enabled: Boolean(id),
  });
}

// Optimistic decisions: the action leaves the open queue at once; if the server refuses (someone
// edited it, the window closed, dual approval is pending), the snapshot is restored.
function useDecision<V extends { id: string }>(path: (v: V) => string, body: (v: V) => unknown) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: V) => apiFetch<{ id: string; status: string }>(path(v), { method: 'POST', body: body(v) }),
    onMutate: async (v) => {
      await qc.cancelQueries({ queryKey: queryKeys.actions.all });
      const snapshot = qc.getQueriesData<ActionList>({ queryKey: ['actions', 'list'] });
      for (const [key, data] of snapshot)
        if (data) qc.setQueryData<ActionList>(key, { ...data, items: data.items.filter((a) => a.id !== v.id) });
      return { snapshot };
    },
    onError: (_err, _v, ctx) => {
      for (const [key, data] of ctx?.snapshot ?? []) qc.setQueryData(key, data);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.actions.all }),
  });
}

export const useApproveAction = () =>
  useDecision<{ id: string; revision: number }>(
    (v) => `/api/v1/actions/${v.id}/approve`,
    (v) => ({ revision: v.revision }),
  );
export const useRejectAction = () =>
  useDecision<{ id: string; revision: number; reason: string }>(
    (v) => `/api/v1/actions/${v.id}/reject`,
    (v) => ({ revision: v.revision, reason: v.reason }),
  );

export function useEditAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; expectedRevision: number; payload: Record<string, unknown>; note?: string }) =>
      apiFetch<{ id: string; revision: number }>(`/api/v1/actions/${v.id}/revisions`, {
        method: 'POST',
        body: { expectedRevision: v.expectedRevision, payload: v.payload, note: v.note },
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.actions.all }),
  });
}

export function useBulkApprove() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (items: { id: string; revision: number }[]) =>
      apiFetch<{
        results: ({ id: string; status: string } | { id: string; error: { code: string; message: string } })[];
      }>('/api/v1/actions/bulk-approve', { method: 'POST', body: { items } }),
    onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.actions.all }),
  });
}

/** Withdraws a pending action, or a scheduled plan change before it starts. */
export function useCancelAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; reason: string }) =>
      apiFetch<{ id: string; status: string }>(`/api/v1/actions/${v.id}/cancel`, {
        method: 'POST',
        body: { reason: v.reason },
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.actions.all }),
  });
}

/** The newest failed executions, polled while someone waits to hear how their approvals went. */
export function useFailedActions(enabled: boolean) {
  const filters = { status: 'failed', sort: 'newest', limit: 50 };
  return useQuery({
    queryKey: queryKeys.actions.list(filters),
    queryFn: () => apiFetch<ActionList>('/api/v1/actions', { query: filters }),
    refetchInterval: 10_000,
    enabled,
  });
}
