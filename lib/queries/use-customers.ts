'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CustomerDetail, CustomerListResponse, CustomerStanding } from '@/lib/schemas/customers';
import { apiFetch } from './api-client';
import { queryKeys } from './query-keys';

export interface CustomerListParams {
  q?: string;
  plan?: string;
  standing?: CustomerStanding;
  sort?: 'name' | 'utilisation';
  limit: number;
  offset: number;
}

export function useCustomers(params: CustomerListParams) {
  return useQuery({
    queryKey: queryKeys.customers.list({ ...params }),
    queryFn: () => apiFetch<CustomerListResponse>('/api/v1/customers', { query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

// Usage moves with every ingested batch: refetch every few seconds while the page is open.
export function useCustomer(id: string) {
  return useQuery({
    queryKey: queryKeys.customers.detail(id),
    queryFn: () => apiFetch<CustomerDetail>(`/api/v1/customers/${encodeURIComponent(id)}`),
    refetchInterval: 5_000,
  });
}
