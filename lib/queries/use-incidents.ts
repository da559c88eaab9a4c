'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { IncidentDetail, openIncidentBody } from '@/lib/schemas/sla';
import { apiFetch } from './api-client';
import { queryKeys } from './query-keys';

// One incident (timeline, cohort, credits) and what people do with it: open, resolve, approve
// its batch of SLA credits. Mutations invalidate incidents and the approval queue.

export function useIncident(id: string) {
  return useQuery({
    queryKey: queryKeys.incidents.detail(id),
    queryFn: () => apiFetch<IncidentDetail>(`/api/v1/incidents/${id}`),
    // The agent assesses a resolved incident and the executor issues credit notes in the
    // background: keep the page current while something is under way.
    refetchInterval: (q) => {
      const d = q.state.data;
      if (!d) return false;
      const waiting =
        (d.status === 'resolved' && d.assessments.length === 0) ||
        d.assessments.some((a) => a.action && ['approved', 'executing'].includes(a.action.status));
      if (waiting) return 2_000;
      // Credits awaiting a (second) approver may be decided by someone else: look now and then.
      return d.totals.pendingActionIds.length ? 15_000 : false;
    },
  });
}

export function useOpenIncident() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof openIncidentBody>) =>
      apiFetch<{ id: string }>('/api/v1/incidents', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.incidents.all }),
  });
}

export function useResolveIncident(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { resolvedAt: string; note: string }) =>
      apiFetch(`/api/v1/incidents/${id}/resolve`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.incidents.all }),
  });
}

export interface CreditVerdict {
  id: string;
  status?: string;
  approvals?: number;
  approvalsNeeded?: number;
  error?: { code: string; message: string };
}

export function useApproveIncidentCredits(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (items: { id: string; revision: number }[]) =>
      apiFetch<{ results: CreditVerdict[] }>(`/api/v1/incidents/${id}/credits/approve`, {
        method: 'POST',
        body: { items },
      }),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: queryKeys.incidents.all }),
        qc.invalidateQueries({ queryKey: queryKeys.actions.all }),
      ]),
  });
}
