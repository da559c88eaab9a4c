'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { workflowListResponse } from '@/lib/schemas/workflows';
import { apiFetch } from './api-client';
import { queryKeys } from './query-keys';

export type WorkflowList = z.infer<typeof workflowListResponse>;

export function useWorkflows() {
  return useQuery({ queryKey: queryKeys.workflows.all, queryFn: () => apiFetch<WorkflowList>('/api/v1/workflows') });
}

function useWorkflowMutation<V>(path: (v: V) => string, body: (v: V) => unknown) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: V) => apiFetch<unknown>(path(v), { method: 'POST', body: body(v) }),
    onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.workflows.all }),
  });
}

/** Promote (criteria must hold) or move back: the instant "back to assist". */
export const useSetWorkflowPhase = () =>
  useWorkflowMutation(
    (v: { id: string; phase: 'observe' | 'assist' | 'autopilot'; reason?: string }) =>
      `/api/v1/workflows/${v.id}/phase`,
    ({ phase, reason }) => ({ phase, reason }),
  );

export const useRequestOverride = () =>
  useWorkflowMutation(
    (v: { id: string; reason: string }) => `/api/v1/workflows/${v.id}/overrides`,
    ({ reason }) => ({ reason }),
  );

export const useDecideOverride = () =>
  useWorkflowMutation(
    (v: { requestId: string; decision: 'approved' | 'rejected' }) =>
      `/api/v1/workflow-overrides/${v.requestId}/decision`,
    ({ decision }) => ({ decision }),
  );
