'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatedCustomerKey, CustomerKeyView, RegisterCustomerKeysResult } from '@/lib/schemas/customer-keys';
import { apiFetch } from './api-client';

// Key factory for customers' API keys (beside its hooks: one resource, one file).
export const customerKeyKeys = {
  all: ['customer-keys'] as const,
  list: (customerId: string) => ['customer-keys', customerId] as const,
};

export function useCustomerKeys(customerId: string) {
  return useQuery({
    queryKey: customerKeyKeys.list(customerId),
    queryFn: () =>
      apiFetch<{ items: CustomerKeyView[] }>(`/api/v1/customers/${encodeURIComponent(customerId)}/api-keys`),
  });
}

export function useCreateCustomerKey(customerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      apiFetch<CreatedCustomerKey>(`/api/v1/customers/${encodeURIComponent(customerId)}/api-keys`, {
        method: 'POST',
        body: { name },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: customerKeyKeys.list(customerId) }),
  });
}

export function useRotateCustomerKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<{ revoked: CustomerKeyView; created: CreatedCustomerKey }>(
        `/api/v1/customer-keys/${encodeURIComponent(id)}/rotate`,
        { method: 'POST' },
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: customerKeyKeys.all }),
  });
}

export function useRevokeCustomerKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<CustomerKeyView>(`/api/v1/customer-keys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: customerKeyKeys.all }),
  });
}

export function useImportCustomerKeys() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) =>
      apiFetch<RegisterCustomerKeysResult>('/api/v1/customer-keys/import', { method: 'POST', body: { csv } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: customerKeyKeys.all }),
  });
}
