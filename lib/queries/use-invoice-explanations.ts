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
import { ApiClientError, apiFetch } from './api-client';
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

async function readError(res: Response): Promise<ApiClientError> {
  const data = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string; requestId?: string };
  } | null;
  return new ApiClientError(
    res.status,
    data?.error?.code ?? 'http_error',
    data?.error?.message ?? `Request failed (${res.status})`,
    data?.error?.requestId,
  );
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
      const res = await fetch(`/api/v1/invoices/${encodeURIComponent(invoiceId)}/explanations/stream`, {
        method: 'POST',
        credentials: 'same-origin',
      });
      if (!res.ok || !res.body) throw await readError(res);
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let text = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
        const cut = text.indexOf(EXPLANATION_STREAM_SEPARATOR);
        setDraft(cut >= 0 ? text.slice(0, cut) : text);
      }
      text += decoder.decode();
      const cut = text.indexOf(EXPLANATION_STREAM_SEPARATOR);
      if (cut < 0) throw new ApiClientError(502, 'stream_incomplete', 'The explanation stream ended early; try again.');
      const payload = JSON.parse(text.slice(cut + 1)) as
        ExplanationStreamResult | { error: { code: string; message: string; requestId?: string } };
      if ('error' in payload)
        throw new ApiClientError(500, payload.error.code, payload.error.message, payload.error.requestId);
      return payload;
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
