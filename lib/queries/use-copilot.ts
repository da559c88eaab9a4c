'use client';
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { COPILOT_STREAM_SEPARATOR, type CopilotTurnResult } from '@/lib/schemas/copilot';
import { ApiClientError } from './api-client';

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
 * One copilot turn through the streaming route: `draft` is the text as it arrives (only while
 * pending); the resolved turn is the checked answer, which replaces the draft.
 */
export function useAskCopilot(customerId: string) {
  const [draft, setDraft] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: async (input: { question: string; conversationId?: string }): Promise<CopilotTurnResult> => {
      setDraft('');
      const res = await fetch(`/api/v1/customers/${encodeURIComponent(customerId)}/copilot`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      if (!res.ok || !res.body) throw await readError(res);
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let text = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
        const cut = text.indexOf(COPILOT_STREAM_SEPARATOR);
        setDraft(cut >= 0 ? text.slice(0, cut) : text);
      }
      text += decoder.decode();
      const cut = text.indexOf(COPILOT_STREAM_SEPARATOR);
      if (cut < 0) throw new ApiClientError(502, 'stream_incomplete', 'The answer stream ended early; try again.');
      const payload = JSON.parse(text.slice(cut + 1)) as
        CopilotTurnResult | { error: { code: string; message: string; requestId?: string } };
      if ('error' in payload)
        throw new ApiClientError(500, payload.error.code, payload.error.message, payload.error.requestId);
      return payload;
    },
    onSettled: () => setDraft(null),
  });
  return { ...mutation, draft: mutation.isPending ? draft : null };
}
