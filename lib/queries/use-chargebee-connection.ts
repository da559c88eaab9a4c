'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConnectionTestResult } from '@/lib/schemas/billing-connection';
import type { ChargebeeConnectionInput, ChargebeeConnectionView } from '@/lib/schemas/chargebee-connection';
import { apiFetch } from './api-client';
import { queryKeys } from './query-keys';

const PATH = '/api/v1/billing/chargebee';

export function useChargebeeConnection() {
  return useQuery({
    queryKey: queryKeys.chargebeeConnection.all,
    queryFn: () => apiFetch<ChargebeeConnectionView>(PATH),
  });
}

function useChargebeeMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.chargebeeConnection.all }),
  });
}

export const useSaveChargebeeConnection = () =>
  useChargebeeMutation((input: ChargebeeConnectionInput) =>
    apiFetch<ChargebeeConnectionView>(PATH, { method: 'PUT', body: input }),
  );
export const useRemoveChargebeeConnection = () =>
  useChargebeeMutation(() => apiFetch<ChargebeeConnectionView>(PATH, { method: 'DELETE' }));
export const useTestChargebeeConnection = () =>
  useChargebeeMutation(() => apiFetch<ConnectionTestResult>(`${PATH}/test`, { method: 'POST' }));
