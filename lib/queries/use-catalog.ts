'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CatalogResponse,
  CreateMeterInput,
  CreatePlanInput,
  MeterView,
  PlanView,
  UpdateMeterInput,
  UpdatePlanInput,
} from '@/lib/schemas/catalog';
import { apiFetch } from './api-client';
import { queryKeys } from './query-keys';

export function useCatalog() {
  return useQuery({ queryKey: queryKeys.catalog.all, queryFn: () => apiFetch<CatalogResponse>('/api/v1/catalog') });
}

function useCatalogMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.catalog.all }) });
}

export const useCreatePlan = () =>
  useCatalogMutation((input: CreatePlanInput) =>
    apiFetch<PlanView>('/api/v1/catalog/plans', { method: 'POST', body: input }),
  );
export const useUpdatePlan = () =>
  useCatalogMutation(({ id, ...input }: UpdatePlanInput & { id: string }) =>
    apiFetch<PlanView>(`/api/v1/catalog/plans/${id}`, { method: 'PATCH', body: input }),
  );
export const useCreateMeter = () =>
  useCatalogMutation((input: CreateMeterInput) =>
    apiFetch<MeterView>('/api/v1/catalog/meters', { method: 'POST', body: input }),
  );
export const useUpdateMeter = () =>
  useCatalogMutation(({ id, ...input }: UpdateMeterInput & { id: string }) =>
    apiFetch<MeterView>(`/api/v1/catalog/meters/${id}`, { method: 'PATCH', body: input }),
  );
