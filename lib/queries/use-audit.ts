'use client';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { auditEventDetail, auditEventView, chainVerdict } from '@/lib/schemas/audit';
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

export function useAuditEvents(filters: AuditFilters) {
  return useQuery({
    queryKey: queryKeys.audit.list({ ...filters }),
    queryFn: () =>
      apiFetch<{ items: z.infer<typeof auditEventView>[] }>('/api/v1/audit-events', { query: { ...filters } }),
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
