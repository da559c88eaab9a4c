'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SlaPolicyFields, slaPolicyView } from '@/lib/schemas/sla';
import { apiFetch } from './api-client';
import { queryKeys } from './query-keys';

export type SlaPolicy = z.infer<typeof slaPolicyView>;

export function useSlaPolicies() {
  return useQuery({
    queryKey: queryKeys.slaPolicies.all,
    queryFn: () => apiFetch<{ items: SlaPolicy[] }>('/api/v1/sla-policies'),
  });
}

export function useUpdateSlaPolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, fields }: { id: string; fields: SlaPolicyFields }) =>
      apiFetch<SlaPolicy>(`/api/v1/sla-policies/${id}`, { method: 'PUT', body: fields }),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.slaPolicies.all }),
  });
}
