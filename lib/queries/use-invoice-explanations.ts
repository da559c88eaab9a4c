'use client';
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  EXPLANATION_STREAM_SEPARATOR,
  type customerExplanationListResponse,
  type ExplanationStreamResult,
  type ExplanationView,
  type shareToSlackResponse,
} from '@/lib/schemas/invoices';
import { apiFetch } from './api-client';
import { fetchStreamedResult } from './fetch-streamed-result';
import { invoiceKeys } from './use-invoice';

type ExplanationList = { items: ExplanationView[] };

export function useInvoiceExplanations(invoiceId: string) {
  return useQuery({
    queryKey: invoiceKeys.explanations(invoiceId),
    queryFn: () =>
      apiFetch<ExplanationList>(`/api/v1/invoices/${encodeURIComponent(invoiceId)}/explanations`, {
        query: { limit: 5 },
      }),
  });
}

export function useCustomerExplanations(customerId: string) {
  return useQuery({
    queryKey: invoiceKeys.customerExplanations(customerId),
    queryFn: () =>
      apiFetch<z.infer<typeof customerExplanationListResponse>>(
        `/api/v1/customers/${encodeURIComponent(customerId)}/explanations`,
        { query: { limit: 3 } },
      ),
  });
}

/**
 * Regenerate through the streaming route: `draft` is the text as the writer produces it (only
 * while pending); the result is the stored, checked explanation, which replaces the draft.
 */
export function useRegenerateExplanation(invoiceId: string) {
  const qc = useQueryClient();
  const [draft, setDraft] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: async (): Promise<ExplanationStreamResult> => {
      setDraft('');
      return fetchStreamedResult<ExplanationStreamResult>(
        `/api/v1/invoices/${encodeURIComponent(invoiceId)}/explanations/stream`,
        { separator: EXPLANATION_STREAM_SEPARATOR, what: 'explanation', onDraft: setDraft },
      );
    },
    onSuccess: (result) => {
      qc.setQueryData<ExplanationList>(invoiceKeys.explanations(invoiceId), (old) => ({
        items: [result.explanation, ...(old?.items ?? [])],
      }));
    },
    onSettled: async () => {
      setDraft(null);
      await qc.invalidateQueries({ queryKey: invoiceKeys.all });
    },
  });
  return { ...mutation, draft: mutation.isPending ? draft : null };
}

export function useShareExplanationToSlack(invoiceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (explanationId: string) =>
      apiFetch<z.infer<typeof shareToSlackResponse>>(
        `/api/v1/invoices/${encodeURIComponent(invoiceId)}/share-to-slack`,
        { method: 'POST', body: { explanationId } },
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['actions'] }),
  });
}
