'use client';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { auditEventDetail, auditFacets, auditListResponse, chainVerdict } from '@/lib/schemas/audit';
import { apiFetch } from './api-client';
import { queryKeys } from './query-keys';

export interface AuditFilters {
  action?: string;
  actorId?: string;
  agentId?: string;
  customerId?: string;
  from?: string;
  to?: string;
}

// Pages of 100, newest first; each next page starts before the last sequence of the one above.
export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.audit.list({ ...filters }),
    queryFn: ({ pageParam }) =>
      apiFetch<z.infer<typeof auditListResponse>>('/api/v1/audit-events', {
        query: { ...filters, ...(pageParam ? { before: pageParam } : {}) },
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextBefore,
  });
}

export function useAuditFacets() {
  return useQuery({
    queryKey: [...queryKeys.audit.all, 'facets'],
    queryFn: () => apiFetch<z.infer<typeof auditFacets>>('/api/v1/audit-events/facets'),
    staleTime: 60_000,
  });
}

export function useAuditEvent(sequence: string | null) {
  return useQuery({
    queryKey: ['audit', 'detail', sequence],
    queryFn: () => apiFetch<z.infer<typeof auditEventDetail>>(`/api/v1/audit-events/${sequence}`),
    enabled: Boolean(sequence),
  });
}

export function useVerifyChain() {
  return useMutation({
    mutationFn: () => apiFetch<z.infer<typeof chainVerdict>>('/api/v1/audit-events/verify', { method: 'POST' }),
  });
}
