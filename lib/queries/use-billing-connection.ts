'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BillingConnectionView, ConnectionTestResult, StripeKeyInput } from '@/lib/schemas/billing-connection';
import { apiFetch } from './api-client';
import { queryKeys } from './query-keys';

const PATH = '/api/v1/billing/connection';

export function useBillingConnection() {
  return useQuery({ queryKey: queryKeys.billingConnection.all, queryFn: () => apiFetch<BillingConnectionView>(PATH) });
}

function useConnectionMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.billingConnection.all }),
  });
}

export const useSaveStripeKey = () =>
  useConnectionMutation((input: StripeKeyInput) =>
    apiFetch<BillingConnectionView>(PATH, { method: 'PUT', body: input }),
  );
export const useRemoveStripeKey = () =>
  useConnectionMutation(() => apiFetch<BillingConnectionView>(PATH, { method: 'DELETE' }));
export const useTestStripeConnection = () =>
  useConnectionMutation(() => apiFetch<ConnectionTestResult>(`${PATH}/test`, { method: 'POST' }));
export const useCreateWebhookEndpoint = () =>
  useConnectionMutation(() =>
    apiFetch<{ endpointId: string; url: string; events: string[] }>(`${PATH}/webhook-endpoint`, {
      method: 'POST',
      body: {},
    }),
  );
