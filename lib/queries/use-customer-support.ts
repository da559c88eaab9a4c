'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CustomerApiErrors,
  CustomerBilling,
  CustomerPayments,
  CustomerTickets,
  TicketNoteView,
} from '@/lib/schemas/support';
import { apiFetch } from './api-client';

// The customer page's support cards: one query each, so they load in parallel and fail alone.
export const supportKeys = {
  all: (customerId: string) => ['customers', 'support', customerId] as const,
  billing: (customerId: string) => ['customers', 'support', customerId, 'billing'] as const,
  payments: (customerId: string) => ['customers', 'support', customerId, 'payments'] as const,
  apiErrors: (customerId: string, days: number) => ['customers', 'support', customerId, 'api-errors', days] as const,
  tickets: (customerId: string) => ['customers', 'support', customerId, 'tickets'] as const,
};

const path = (customerId: string, rest: string) => `/api/v1/customers/${encodeURIComponent(customerId)}/${rest}`;

export function useCustomerBilling(customerId: string) {
  return useQuery({
    queryKey: supportKeys.billing(customerId),
    queryFn: () => apiFetch<CustomerBilling>(path(customerId, 'billing')),
    refetchInterval: 15_000,
  });
}

export function useCustomerPayments(customerId: string) {
  return useQuery({
    queryKey: supportKeys.payments(customerId),
    queryFn: () => apiFetch<CustomerPayments>(path(customerId, 'payments')),
  });
}

export function useCustomerApiErrors(customerId: string, days = 7) {
  return useQuery({
    queryKey: supportKeys.apiErrors(customerId, days),
    queryFn: () => apiFetch<CustomerApiErrors>(path(customerId, 'api-errors'), { query: { days } }),
    refetchInterval: 30_000,
  });
}

export function useCustomerTickets(customerId: string) {
  return useQuery({
    queryKey: supportKeys.tickets(customerId),
    queryFn: () => apiFetch<CustomerTickets>(path(customerId, 'tickets')),
  });
}

/** "Insert into ticket": a draft note a person then confirms on the Tickets card. */
export function useDraftTicketNote(customerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { ticketId: string; body: string; conversationId?: string }) =>
      apiFetch<TicketNoteView>(`/api/v1/tickets/${encodeURIComponent(input.ticketId)}/notes`, {
        method: 'POST',
        body: { body: input.body, conversationId: input.conversationId },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: supportKeys.tickets(customerId) }),
  });
}

export function useDecideTicketNote(customerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { noteId: string; decision: 'confirm' | 'discard' }) =>
      apiFetch<TicketNoteView>(`/api/v1/ticket-notes/${encodeURIComponent(input.noteId)}/decision`, {
        method: 'POST',
        body: { decision: input.decision },
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: supportKeys.tickets(customerId) }),
  });
}
