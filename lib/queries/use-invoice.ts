'use client';
import { useQuery } from '@tanstack/react-query';
import type { InvoiceDetail } from '@/lib/schemas/invoices';
import { apiFetch } from './api-client';

// Keys of the invoice page's queries. They start with 'invoices' (queryKeys.invoices.all), so
// invalidating invoices refreshes them too.
export const invoiceKeys = {
  all: ['invoices'] as const,
  detail: (id: string) => ['invoices', 'detail', id] as const,
  explanations: (id: string) => ['invoices', 'explanations', id] as const,
  customerExplanations: (customerId: string) => ['invoices', 'customer-explanations', customerId] as const,
};

export function useInvoice(id: string) {
  return useQuery({
    queryKey: invoiceKeys.detail(id),
    queryFn: () => apiFetch<InvoiceDetail>(`/api/v1/invoices/${encodeURIComponent(id)}`),
  });
}
