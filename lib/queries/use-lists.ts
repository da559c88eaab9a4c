'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { InvoiceSummary } from '@/lib/schemas/invoices';
import type { incidentView } from '@/lib/schemas/incidents';
import type { actionSummary } from '@/lib/schemas/actions';
import type { policyView } from '@/lib/schemas/policies';
import type { auditEventView } from '@/lib/schemas/audit';
import { apiFetch } from './api-client';
import { queryKeys } from './query-keys';

// Read hooks for the list pages. Each is one resource; mutations live beside their feature.

export function useInvoices(params: { q?: string; status?: string; limit: number; offset: number }) {
  return useQuery({
    queryKey: queryKeys.invoices.list({ ...params }),
    queryFn: () => apiFetch<{ items: InvoiceSummary[]; total: number }>('/api/v1/invoices', { query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

export function useIncidents() {
  return useQuery({ queryKey: queryKeys.incidents.all, queryFn: () => apiFetch<{ items: z.infer<typeof incidentView>[] }>('/api/v1/incidents') });
}

export function useActions(params: { status?: string; kind?: string }) {
  return useQuery({
    queryKey: queryKeys.actions.list({ ...params }),
    queryFn: () => apiFetch<{ items: z.infer<typeof actionSummary>[] }>('/api/v1/actions', { query: { ...params } }),
    refetchInterval: 10_000,
  });
}

export function usePolicies() {
  return useQuery({ queryKey: queryKeys.policies.all, queryFn: () => apiFetch<{ items: z.infer<typeof policyView>[] }>('/api/v1/policies') });
}

export function useAuditEvents(params: { action?: string; actorId?: string; customerId?: string }) {
  return useQuery({
    queryKey: queryKeys.audit.list({ ...params }),
    queryFn: () => apiFetch<{ items: z.infer<typeof auditEventView>[] }>('/api/v1/audit-events', { query: { ...params } }),
  });
}
